// A title by certificate number, with its holder's id. Parameters: $certificateNo.
MATCH (p:Person)-[:HOLDS]->(t:Title {certificateNo: $certificateNo})
RETURN p.id AS person, t.grantedOn AS grantedOn, t.revokedOn AS revokedOn
