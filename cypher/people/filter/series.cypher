// Filter: holds an unrevoked title of series $series.
EXISTS { MATCH (p)-[:HOLDS]->(t:Title) WHERE t.series = $series AND t.revokedOn IS NULL }
