// Lock project $id as records/scope/person does a person: its element id, the ids of the institutions that ran
// it (lead and partners), its withdrawal date.
MATCH (n:Project {id: $id})
SET n._lock = true
REMOVE n._lock
RETURN elementId(n) AS element, n.withdrawnOn AS withdrawnOn,
       COLLECT { MATCH (i:Institution)-[:RAN]->(n) RETURN i.id } AS institutions
