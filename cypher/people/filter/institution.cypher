// Filter: currently works at one of the institutions $institution (a list of ids).
EXISTS { MATCH (p)-[w:WORKS_AT]->(i:Institution) WHERE w.until IS NULL AND i.id IN $institution }
