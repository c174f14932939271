// Filter: hosted by one of the institutions $institution (a list of ids).
EXISTS { MATCH (pl)-[:HOSTED_BY]->(i:Institution) WHERE i.id IN $institution }
