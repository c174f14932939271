// The people working now at the institutions $keys (ids): whose search documents a bulk load of
// institutions changed (their names are searched). Returns their ids.
MATCH (p:Person)-[w:WORKS_AT]->(i:Institution)
WHERE i.id IN $keys AND w.until IS NULL
RETURN DISTINCT p.id AS id
