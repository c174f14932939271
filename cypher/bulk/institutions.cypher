// Upsert a batch of institutions. $rows: [{id, fingerprint, props, region, fields}]. A row whose
// fingerprint equals the stored one is left alone. Returns, per outcome (created, updated, unchanged), the rows and their keys.
UNWIND $rows AS row
OPTIONAL MATCH (old:Institution {id: row.id})
WITH row, CASE WHEN old IS NULL THEN 'created'
               WHEN old.importFingerprint = row.fingerprint THEN 'unchanged' ELSE 'updated' END AS outcome
CALL (row, outcome) {
  WITH row WHERE outcome <> 'unchanged'
  MERGE (i:Institution {id: row.id})
  ON CREATE SET i.createdAt = datetime()
  SET i += row.props, i.importFingerprint = row.fingerprint
  WITH i, row
  CALL (i, row) {
    OPTIONAL MATCH (i)-[old:LOCATED_IN]->(r:Region) WHERE r.code <> row.region
    DELETE old
  }
  CALL (i, row) {
    MATCH (r:Region {code: row.region})
    MERGE (i)-[:LOCATED_IN]->(r)
  }
  CALL (i, row) {
    OPTIONAL MATCH (i)-[old:FOCUSES_ON]->(f:Field) WHERE NOT f.code IN row.fields
    DELETE old
  }
  CALL (i, row) {
    UNWIND row.fields AS code
    MATCH (f:Field {code: code})
    MERGE (i)-[:FOCUSES_ON]->(f)
  }
}
RETURN outcome, count(*) AS rows, collect(row.id) AS keys
