// Move team $id to status $status, setting $props alongside (reviewComment, reviewedAt, recognizedOn…).
// Parameters: $id, $status, $props (a map; null values remove a property).
MATCH (t:Team {id: $id})
SET t += $props, t.status = $status
RETURN t.id AS id
