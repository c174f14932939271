// Create a person, their current employment and fields. Parameters: $props (the person's
// properties, id included), $institution (id or null), $since (date or null), $role, $fields (codes).
CREATE (p:Person)
SET p = $props, p.createdAt = datetime(), p.updatedAt = datetime()
WITH p
CALL (p) {
  MATCH (i:Institution {id: $institution})
  CREATE (p)-[:WORKS_AT {since: $since, role: $role}]->(i)
}
CALL (p) {
  UNWIND $fields AS code
  MATCH (f:Field {code: code})
  MERGE (p)-[:EXPERT_IN {weight: 1.0}]->(f)
}
RETURN p.id AS id
