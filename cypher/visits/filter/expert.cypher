// Filter: made by one of the foreign experts $expert (a list of ids).
EXISTS { MATCH (e:Person)-[:MADE]->(v) WHERE e.id IN $expert }
