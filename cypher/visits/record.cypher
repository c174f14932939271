// Record a visit of expert $expert hosted by $institution. Parameters: $props (id, arrivedOn,
// departedOn, program, purpose), $expert, $institution.
MATCH (p:Person {id: $expert}), (i:Institution {id: $institution})
CREATE (p)-[:MADE]->(v:Visit)-[:HOSTED_BY]->(i)
SET v = $props, v.createdAt = datetime()
RETURN v.id AS id
