// An institution as the subject of collaborator suggestions. Parameters: $id. Returns the name, its
// regions (with every region above), its fields, its current staff (the subject's people), itself
// as the institution whose staff are left out, and the teams based there.
MATCH (i:Institution {id: $id})
RETURN i.name AS name,
       COLLECT { MATCH (i)-[:LOCATED_IN]->(:Region)-[:PART_OF]->*(r:Region) RETURN DISTINCT r.code } AS regions,
       COLLECT { MATCH (i)-[:FOCUSES_ON]->(f:Field) RETURN f.code } AS fields,
       COLLECT { MATCH (p:Person)-[w:WORKS_AT]->(i) WHERE w.until IS NULL RETURN p.id } AS people,
       [i.id] AS institutions,
       COLLECT { MATCH (t:Team)-[:BASED_AT]->(i) RETURN t.id } AS teams
