// Upsert a batch of R&D platforms. $rows: [{id, fingerprint, props, host, fields}].
UNWIND $rows AS row
OPTIONAL MATCH (old:Platform {id: row.id})
WITH row, CASE WHEN old IS NULL THEN 'created'
               WHEN old.importFingerprint = row.fingerprint THEN 'unchanged' ELSE 'updated' END AS outcome
CALL (row, outcome) {
  WITH row WHERE outcome <> 'unchanged'
  MERGE (pl:Platform {id: row.id})
  ON CREATE SET pl.createdAt = datetime()
  SET pl += row.props, pl.importFingerprint = row.fingerprint
  WITH pl, row
  CALL (pl) {
    OPTIONAL MATCH (pl)-[old:HOSTED_BY|FOCUSES_ON]->()
    DELETE old
  }
  CALL (pl, row) {
    MATCH (i:Institution {id: row.host})
    MERGE (pl)-[:HOSTED_BY]->(i)
  }
  CALL (pl, row) {
    UNWIND row.fields AS code
    MATCH (f:Field {code: code})
    MERGE (pl)-[:FOCUSES_ON]->(f)
  }
}
RETURN outcome, count(*) AS rows, collect(row.id) AS keys
