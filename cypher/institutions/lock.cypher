// Take the write lock of institution $id until the transaction ends, before a write checks a rule
// about the institution's records (see people/lock). Returns its id; no row when there is no such institution.
MATCH (i:Institution {id: $id})
SET i._lock = true
REMOVE i._lock
RETURN i.id AS id
