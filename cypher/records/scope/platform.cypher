// Lock platform $id as records/scope/person does a person: its element id, its host's id, its withdrawal date.
MATCH (n:Platform {id: $id})
SET n._lock = true
REMOVE n._lock
RETURN elementId(n) AS element, n.withdrawnOn AS withdrawnOn,
       COLLECT { MATCH (n)-[:HOSTED_BY]->(i:Institution) RETURN i.id } AS institutions
