// Replace a person's fields with $fields (codes). Parameters: $id, $fields.
MATCH (p:Person {id: $id})
OPTIONAL MATCH (p)-[old:EXPERT_IN]->(f:Field) WHERE NOT f.code IN $fields
DELETE old
WITH DISTINCT p
CALL (p) {
  UNWIND $fields AS code
  MATCH (f:Field {code: code})
  MERGE (p)-[e:EXPERT_IN]->(f)
  ON CREATE SET e.weight = 1.0
}
RETURN p.id AS id
