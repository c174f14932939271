// Create an institution in a region with its fields. Parameters: $props (id included), $region, $fields.
MATCH (r:Region {code: $region})
CREATE (i:Institution)-[:LOCATED_IN]->(r)
SET i = $props, i.createdAt = datetime()
WITH i
CALL (i) {
  UNWIND $fields AS code
  MATCH (f:Field {code: code})
  MERGE (i)-[:FOCUSES_ON]->(f)
}
RETURN i.id AS id
