// Move a person to institution $institution from $since: the current employment ends the day
// before, a new one starts. Parameters: $id, $institution, $since (date), $role.
MATCH (p:Person {id: $id}), (i:Institution {id: $institution})
OPTIONAL MATCH (p)-[current:WORKS_AT]->(old:Institution) WHERE current.until IS NULL
WITH p, i, collect(current) AS currents
WHERE NONE(c IN currents WHERE endNode(c) = i)
FOREACH (c IN currents | SET c.until = $since - duration({days: 1}))
CREATE (p)-[:WORKS_AT {since: $since, role: $role}]->(i)
SET p.updatedAt = datetime()
RETURN p.id AS id
