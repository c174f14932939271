// Take the write lock of person $id until the transaction ends, before a write checks any rule about
// them: a concurrent transaction that locks them too waits until this one has committed, and then reads
// what it wrote (graph/people.py `lock_person`). Setting and removing a property takes the lock and
// changes nothing. Returns the ids of their current employers and the day their record was withdrawn (null: never); no row when there is no such person.
MATCH (p:Person {id: $id})
SET p._lock = true
REMOVE p._lock
RETURN COLLECT { MATCH (p)-[w:WORKS_AT]->(i:Institution) WHERE w.until IS NULL RETURN i.id } AS employers,
       p.withdrawnOn AS withdrawnOn
