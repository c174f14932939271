// Correct platform $id: $props holds only the values that change (name, kind, level, establishedOn); $fields,
// when not null, replaces its fields (codes). Parameters: $id, $props, $fields. Returns its id.
MATCH (pl:Platform {id: $id})
SET pl += $props, pl.updatedAt = datetime()
WITH pl
CALL (pl) {
  WITH pl WHERE $fields IS NOT NULL
  OPTIONAL MATCH (pl)-[old:FOCUSES_ON]->(f:Field) WHERE NOT f.code IN $fields
  DELETE old
}
CALL (pl) {
  UNWIND coalesce($fields, []) AS code
  MATCH (f:Field {code: code})
  MERGE (pl)-[:FOCUSES_ON]->(f)
}
RETURN pl.id AS id
