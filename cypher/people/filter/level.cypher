// Filter: holds an unrevoked title of one of the levels $level (a list of codes).
EXISTS { MATCH (p)-[:HOLDS]->(t:Title) WHERE t.level IN $level AND t.revokedOn IS NULL }
