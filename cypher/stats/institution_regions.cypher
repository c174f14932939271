// The region each institution in $ids (institution ids) is located in (null where none).
UNWIND $ids AS id
MATCH (i:Institution {id: id})
RETURN i.id AS institution, COLLECT { MATCH (i)-[:LOCATED_IN]->(r:Region) RETURN r.code ORDER BY r.code LIMIT 1 }[0] AS region
