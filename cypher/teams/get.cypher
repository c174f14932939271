// A team's state for the rules of its lifecycle: status, base institution, leader, member ids.
// Parameters: $id. No row when there is no such team.
MATCH (t:Team {id: $id})
RETURN t.status AS status,
       [(t)-[:BASED_AT]->(i:Institution) | i.id][0] AS institution,
       [(p:Person)-[:MEMBER_OF {role: 'leader'}]->(t) | p.id][0] AS leader,
       [(p:Person)-[:MEMBER_OF]->(t) | p.id] AS members
