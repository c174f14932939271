// Lock team $id as records/scope/person does a person: its element id, its base's id, its withdrawal date.
MATCH (n:Team {id: $id})
SET n._lock = true
REMOVE n._lock
RETURN elementId(n) AS element, n.withdrawnOn AS withdrawnOn,
       COLLECT { MATCH (n)-[:BASED_AT]->(i:Institution) RETURN i.id } AS institutions
