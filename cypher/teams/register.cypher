// Create a team in status `submitted`, based at $institution, with its fields and members.
// Parameters: $props (id, name, origin, level), $institution, $fields (codes),
// $members (maps {person, role: leader|core|member, invited}), $since (date the members joined).
MATCH (i:Institution {id: $institution})
CREATE (t:Team)-[:BASED_AT]->(i)
SET t = $props, t.status = 'submitted', t.submittedAt = datetime(), t.createdAt = datetime()
WITH t
CALL (t) {
  UNWIND $fields AS code
  MATCH (f:Field {code: code})
  MERGE (t)-[:FOCUSES_ON]->(f)
}
CALL (t) {
  UNWIND $members AS member
  MATCH (p:Person {id: member.person})
  CREATE (p)-[:MEMBER_OF {role: member.role, since: $since, invited: member.invited}]->(t)
}
RETURN t.id AS id
