// Institutions, teams and platforms in the regions $regionCodes (every code, those below included)
// that focus on the fields $exact or $related (parent or child fields), best match first.
// Parameters: $regionCodes, $exact, $related, $limit. Returns kind, id, name, the institution's id,
// the matching field codes and fieldMatch (1.0 for an exact field, 0.5 for a parent or child).
CALL () {
  MATCH (r:Region)<-[:LOCATED_IN]-(i:Institution)-[:FOCUSES_ON]->(f:Field)
  WHERE r.code IN $regionCodes AND f.code IN $exact + $related
  RETURN 'INSTITUTION' AS kind, i.id AS id, i.name AS name, i.id AS institution, collect(f.code) AS fields
  UNION
  MATCH (r:Region)<-[:LOCATED_IN]-(i:Institution)<-[:BASED_AT]-(t:Team)-[:FOCUSES_ON]->(f:Field)
  WHERE r.code IN $regionCodes AND f.code IN $exact + $related
  RETURN 'TEAM' AS kind, t.id AS id, t.name AS name, i.id AS institution, collect(f.code) AS fields
  UNION
  MATCH (r:Region)<-[:LOCATED_IN]-(i:Institution)<-[:HOSTED_BY]-(x:Platform)-[:FOCUSES_ON]->(f:Field)
  WHERE r.code IN $regionCodes AND f.code IN $exact + $related
  RETURN 'PLATFORM' AS kind, x.id AS id, x.name AS name, i.id AS institution, collect(f.code) AS fields
}
WITH kind, id, name, institution, fields,
     CASE WHEN any(code IN fields WHERE code IN $exact) THEN 1.0 ELSE 0.5 END AS fieldMatch
RETURN kind, id, name, institution, fields, fieldMatch
ORDER BY fieldMatch DESC, size(fields) DESC, kind, name, id
LIMIT $limit
