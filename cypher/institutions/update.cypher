// Correct institution $id: $props holds only the values that change (name, type, creditCode); $region, when not
// null, is the region it moves to; $fields, when not null, replaces its fields. Parameters: $id, $props,
// $region, $fields. Returns its id.
MATCH (i:Institution {id: $id})
SET i += $props, i.updatedAt = datetime()
WITH i
CALL (i) {
  MATCH (r:Region {code: $region})
  OPTIONAL MATCH (i)-[old:LOCATED_IN]->(:Region)
  DELETE old
  WITH DISTINCT i, r
  CREATE (i)-[:LOCATED_IN]->(r)
}
CALL (i) {
  WITH i WHERE $fields IS NOT NULL
  OPTIONAL MATCH (i)-[old:FOCUSES_ON]->(f:Field) WHERE NOT f.code IN $fields
  DELETE old
}
CALL (i) {
  UNWIND coalesce($fields, []) AS code
  MATCH (f:Field {code: code})
  MERGE (i)-[:FOCUSES_ON]->(f)
}
RETURN i.id AS id
