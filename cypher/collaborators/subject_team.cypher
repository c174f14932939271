// A team as the subject of collaborator suggestions. Parameters: $id. Returns the name, the regions
// of its base institution (with every region above), its fields (else its members'), its current
// members, the institutions where it is based and its members work now, and the team itself.
MATCH (t:Team {id: $id}) WHERE t.withdrawnOn IS NULL
WITH t, COLLECT { MATCH (p:Person)-[m:MEMBER_OF]->(t) WHERE m.until IS NULL RETURN p.id } AS members
RETURN t.name AS name,
       COLLECT { MATCH (t)-[:BASED_AT]->(:Institution)-[:LOCATED_IN]->(:Region)-[:PART_OF]->*(r:Region)
                 RETURN DISTINCT r.code } AS regions,
       CASE WHEN EXISTS { (t)-[:FOCUSES_ON]->(:Field) }
            THEN COLLECT { MATCH (t)-[:FOCUSES_ON]->(f:Field) RETURN f.code }
            ELSE COLLECT { MATCH (p:Person)-[:EXPERT_IN]->(f:Field) WHERE p.id IN members RETURN DISTINCT f.code }
       END AS fields,
       members AS people,
       COLLECT { MATCH (t)-[:BASED_AT]->(i:Institution) RETURN i.id
                 UNION
                 MATCH (p:Person)-[w:WORKS_AT]->(i:Institution) WHERE p.id IN members AND w.until IS NULL
                 RETURN i.id } AS institutions,
       [t.id] AS teams
