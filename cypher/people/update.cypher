// Update a person's own properties: $id, $props (only the keys being changed). Returns the id.
MATCH (p:Person {id: $id})
SET p += $props, p.updatedAt = datetime()
RETURN p.id AS id
