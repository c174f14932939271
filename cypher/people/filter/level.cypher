// Filter: holds an unrevoked title of level $level.
EXISTS { MATCH (p)-[:HOLDS]->(t:Title) WHERE t.level = $level AND t.revokedOn IS NULL }
