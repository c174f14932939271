// Filter: currently works at institution $institution.
EXISTS { MATCH (p)-[w:WORKS_AT]->(:Institution {id: $institution}) WHERE w.until IS NULL }
