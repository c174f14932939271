// Person $id's current employments: the institution's id and the start of each (null when not recorded).
// Parameters: $id.
MATCH (:Person {id: $id})-[w:WORKS_AT]->(i:Institution)
WHERE w.until IS NULL
RETURN i.id AS institution, w.since AS since
ORDER BY institution
