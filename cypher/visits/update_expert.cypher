// Correct foreign expert $id: $props holds only what changes (nationality, highEnd, passportHash).
// Parameters: $id, $props. No row when $id is not a foreign expert.
MATCH (p:Person:ForeignExpert {id: $id})
SET p += $props, p.updatedAt = datetime()
RETURN p.id AS id
