// Create a project with the institutions that ran it, the people who worked on it and its fields.
// Parameters: $props (id, name, kind, year), $institutions ([{id, lead}]: the lead, then partners),
// $participants ([{id, role: LEADER|MEMBER}]), $fields (codes). Returns the project's id.
CREATE (j:Project)
SET j = $props, j.createdAt = datetime()
WITH j
CALL (j) {
  UNWIND $institutions AS ran
  MATCH (i:Institution {id: ran.id})
  CREATE (i)-[:RAN {lead: ran.lead}]->(j)
}
CALL (j) {
  UNWIND $participants AS worked
  MATCH (p:Person {id: worked.id})
  CREATE (p)-[:WORKED_ON {role: worked.role}]->(j)
}
CALL (j) {
  UNWIND $fields AS code
  MATCH (f:Field {code: code})
  CREATE (j)-[:FOCUSES_ON]->(f)
}
RETURN j.id AS id
