// Lock institution $id as records/scope/person does a person: its element id, its own id (its records are its
// own), its withdrawal date.
MATCH (n:Institution {id: $id})
SET n._lock = true
REMOVE n._lock
RETURN elementId(n) AS element, n.withdrawnOn AS withdrawnOn, [n.id] AS institutions
