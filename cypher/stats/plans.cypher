// Every plan with its targets in their listed order. No parameters.
MATCH (p:Plan)
RETURN p.code AS code, p.name AS name, p.nameEn AS nameEn, p.startsOn AS startsOn, p.deadline AS deadline,
       COLLECT { MATCH (t:Target)-[:IN_PLAN]->(p)
                 RETURN properties(t) ORDER BY coalesce(t.position, 0), t.code } AS targets
ORDER BY p.startsOn, p.code
