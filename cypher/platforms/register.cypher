// Create a platform hosted by $institution with its fields. Parameters: $props (id, name, kind, level,
// establishedOn), $institution, $fields (codes).
MATCH (i:Institution {id: $institution})
CREATE (pl:Platform)-[:HOSTED_BY]->(i)
SET pl = $props, pl.createdAt = datetime()
WITH pl
CALL (pl) {
  UNWIND $fields AS code
  MATCH (f:Field {code: code})
  MERGE (pl)-[:FOCUSES_ON]->(f)
}
RETURN pl.id AS id
