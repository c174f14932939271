// Upsert a batch of foreign-expert visits. $rows: [{id, fingerprint, props, expertHash, expertId,
// expert, host, fields}]: the expert is a Person:ForeignExpert merged on the hash of nationality and
// passport number (a new one gets `expertId`).
UNWIND $rows AS row
OPTIONAL MATCH (old:Visit {id: row.id})
WITH row, CASE WHEN old IS NULL THEN 'created'
               WHEN old.importFingerprint = row.fingerprint THEN 'unchanged' ELSE 'updated' END AS outcome
CALL (row, outcome) {
  WITH row WHERE outcome <> 'unchanged'
  MERGE (p:Person {idHash: row.expertHash})
  ON CREATE SET p.id = row.expertId, p.createdAt = datetime()
  SET p:ForeignExpert, p += row.expert
  MERGE (v:Visit {id: row.id})
  SET v += row.props, v.importFingerprint = row.fingerprint
  WITH p, v, row
  CALL (v) {
    OPTIONAL MATCH (:Person)-[old:MADE]->(v)
    DELETE old
  }
  CALL (v) {
    OPTIONAL MATCH (v)-[old:HOSTED_BY]->()
    DELETE old
  }
  MERGE (p)-[:MADE]->(v)
  WITH p, v, row
  CALL (v, row) {
    MATCH (i:Institution {id: row.host})
    MERGE (v)-[:HOSTED_BY]->(i)
  }
  CALL (p, row) {
    UNWIND row.fields AS code
    MATCH (f:Field {code: code})
    MERGE (p)-[e:EXPERT_IN]->(f)
    ON CREATE SET e.weight = 1.0
  }
}
RETURN outcome, count(*) AS rows, collect(row.id) AS keys
