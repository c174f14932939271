// Give person $person the role $role (a lower-case code) at platform $platform from $since; $invited
// when they work elsewhere. Parameters: $platform, $person, $role, $since (date), $invited.
MATCH (p:Person {id: $person}), (x:Platform {id: $platform})
CREATE (p)-[:ROLE_AT {role: $role, since: $since, invited: $invited, createdAt: datetime()}]->(x)
RETURN x.id AS id
