// Before a bulk upsert of institutions: the ids of people who ever worked at an institution whose region or
// type the batch changes (their statistics follow the institution). $rows: [{id, props (with type), region}].
UNWIND $rows AS row
MATCH (i:Institution {id: row.id})
WHERE coalesce(i.type, '') <> coalesce(row.props.type, '')
   OR NOT EXISTS { MATCH (i)-[:LOCATED_IN]->(:Region {code: row.region}) }
MATCH (p:Person)-[:WORKS_AT]->(i)
RETURN DISTINCT p.id AS id
