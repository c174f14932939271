// Filter: holds an unrevoked title of one of the series $series (a list of codes).
EXISTS { MATCH (p)-[:HOLDS]->(t:Title) WHERE t.series IN $series AND t.revokedOn IS NULL }
