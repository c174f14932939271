// How many nodes (but pauses of writes) and relationships there are.
CALL () { MATCH (n) WHERE NOT n:WritePause RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
