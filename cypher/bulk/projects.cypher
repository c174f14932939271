// Upsert a batch of projects. $rows: [{id, fingerprint, props, institutions, participants, fields}]:
// the running institutions (lead first) and participants are ids; both are replaced by the row's.
UNWIND $rows AS row
OPTIONAL MATCH (old:Project {id: row.id})
WITH row, CASE WHEN old IS NULL THEN 'created'
               WHEN old.importFingerprint = row.fingerprint THEN 'unchanged' ELSE 'updated' END AS outcome
CALL (row, outcome) {
  WITH row WHERE outcome <> 'unchanged'
  MERGE (pr:Project {id: row.id})
  ON CREATE SET pr.createdAt = datetime()
  SET pr += row.props, pr.importFingerprint = row.fingerprint
  WITH pr, row
  CALL (pr) {
    OPTIONAL MATCH ()-[old:RAN|WORKED_ON]->(pr)
    DELETE old
  }
  CALL (pr) {
    OPTIONAL MATCH (pr)-[old:FOCUSES_ON]->()
    DELETE old
  }
  CALL (pr, row) {
    UNWIND range(0, size(row.institutions) - 1) AS position
    MATCH (i:Institution {id: row.institutions[position]})
    MERGE (i)-[r:RAN]->(pr)
    SET r.lead = position = 0
  }
  CALL (pr, row) {
    UNWIND row.participants AS id
    MATCH (p:Person {id: id})
    MERGE (p)-[:WORKED_ON]->(pr)
  }
  CALL (pr, row) {
    UNWIND row.fields AS code
    MATCH (f:Field {code: code})
    MERGE (pr)-[:FOCUSES_ON]->(f)
  }
}
RETURN outcome, count(*) AS rows, collect(row.id) AS keys
