// Make person $id a foreign expert: the ForeignExpert label, nationality and the high-end flag.
// Parameters: $id, $nationality (ISO 3166-1 alpha-2), $highEnd.
MATCH (p:Person {id: $id})
SET p:ForeignExpert, p.nationality = $nationality, p.highEnd = $highEnd
RETURN p.id AS id
