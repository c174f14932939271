// Filter: based at institution $institution.
EXISTS { MATCH (t)-[:BASED_AT]->(:Institution {id: $institution}) }
