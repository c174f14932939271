// Filter: made by a foreign expert of one of the nationalities $nationality (ISO 3166-1 alpha-2 codes).
EXISTS { MATCH (e:ForeignExpert)-[:MADE]->(v) WHERE e.nationality IN $nationality }
