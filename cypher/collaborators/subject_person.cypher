// A person as the subject of collaborator suggestions (none once withdrawn). Parameters: $id. Returns the name, the
// regions of their current employers (with every region above), their fields, the subject's people
// ([$id]), the institutions they work at now, and the teams they are currently members of.
MATCH (s:Person {id: $id}) WHERE s.withdrawnOn IS NULL
RETURN s.name AS name,
       COLLECT { MATCH (s)-[w:WORKS_AT]->(:Institution)-[:LOCATED_IN]->(:Region)-[:PART_OF]->*(r:Region)
                 WHERE w.until IS NULL RETURN DISTINCT r.code } AS regions,
       COLLECT { MATCH (s)-[:EXPERT_IN]->(f:Field) RETURN f.code } AS fields,
       [s.id] AS people,
       COLLECT { MATCH (s)-[w:WORKS_AT]->(i:Institution) WHERE w.until IS NULL RETURN i.id } AS institutions,
       COLLECT { MATCH (s)-[m:MEMBER_OF]->(t:Team) WHERE m.until IS NULL RETURN t.id } AS teams
