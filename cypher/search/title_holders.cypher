// The people who hold the titles $keys (certificate numbers): whose search documents a bulk load of
// people changed (graph/bulk.py). Returns their ids.
MATCH (p:Person)-[:HOLDS]->(t:Title)
WHERE t.certificateNo IN $keys
RETURN DISTINCT p.id AS id
