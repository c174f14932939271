// Filter: based at one of the institutions $institution (a list of ids).
EXISTS { MATCH (t)-[:BASED_AT]->(i:Institution) WHERE i.id IN $institution }
