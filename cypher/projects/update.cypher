// Correct project $id: $props holds only the values that change (name, kind, year); $fields,
// when not null, replaces its fields (codes). Parameters: $id, $props, $fields. Returns its id.
MATCH (pr:Project {id: $id})
SET pr += $props, pr.updatedAt = datetime()
WITH pr
CALL (pr) {
  WITH pr WHERE $fields IS NOT NULL
  OPTIONAL MATCH (pr)-[old:FOCUSES_ON]->(f:Field) WHERE NOT f.code IN $fields
  DELETE old
}
CALL (pr) {
  UNWIND coalesce($fields, []) AS code
  MATCH (f:Field {code: code})
  MERGE (pr)-[:FOCUSES_ON]->(f)
}
RETURN pr.id AS id
