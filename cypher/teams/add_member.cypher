// Add person $person to team $team as $role (core or member) from $since; $invited when from elsewhere.
MATCH (p:Person {id: $person}), (t:Team {id: $team})
CREATE (p)-[:MEMBER_OF {role: $role, since: $since, invited: $invited}]->(t)
RETURN t.id AS id
