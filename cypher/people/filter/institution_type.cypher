// Filter: currently works at an institution of one of the types $institutionType (a list of codes).
EXISTS { MATCH (p)-[w:WORKS_AT]->(i:Institution) WHERE w.until IS NULL AND i.type IN $institutionType }
