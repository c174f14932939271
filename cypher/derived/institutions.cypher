// The institutions $ids (institution ids) as their staff's search documents and talent spans need them:
// name, type and the codes of the regions each is located in, sorted.
UNWIND $ids AS id
MATCH (i:Institution {id: id})
RETURN i.id AS id, i.name AS name, i.type AS type,
       COLLECT { MATCH (i)-[:LOCATED_IN]->(r:Region) RETURN r.code ORDER BY r.code } AS regions
