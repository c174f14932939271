// Filter: hosted by one of the institutions $institution (a list of ids).
EXISTS { MATCH (v)-[:HOSTED_BY]->(i:Institution) WHERE i.id IN $institution }
