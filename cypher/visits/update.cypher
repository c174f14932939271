// Correct visit $id: $props holds only what changes (arrivedOn, departedOn, program, purpose).
// Parameters: $id, $props. Returns its id.
MATCH (v:Visit {id: $id})
SET v += $props, v.updatedAt = datetime()
RETURN v.id AS id
