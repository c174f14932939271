// Lock person $id for the rest of the transaction and say what a withdrawal needs: the node's element id,
// its current employers' ids (whose records it is) and when it was withdrawn, if it was. No row: no such person.
MATCH (n:Person {id: $id})
SET n._lock = true
REMOVE n._lock
RETURN elementId(n) AS element, n.withdrawnOn AS withdrawnOn,
       COLLECT { MATCH (n)-[w:WORKS_AT]->(i:Institution) WHERE w.until IS NULL RETURN i.id } AS institutions
