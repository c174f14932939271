// Filter: hosted by institution $institution.
EXISTS { MATCH (pl)-[:HOSTED_BY]->(:Institution {id: $institution}) }
