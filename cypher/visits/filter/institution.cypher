// Filter: hosted by institution $institution.
EXISTS { MATCH (v)-[:HOSTED_BY]->(:Institution {id: $institution}) }
