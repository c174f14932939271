// Every relationship, streamed for a backup: type, start and end node ids, and properties as in
// backup/nodes ([key, value], or [key, kind, text, is list] for temporal and spatial values). $kinds: as there.
MATCH (a)-[r]->(b)
RETURN type(r) AS type, elementId(a) AS start, elementId(b) AS end, [key IN keys(r) |
  CASE
    WHEN $kinds[valueType(r[key])] IS NULL THEN [key, r[key]]
    WHEN valueType(r[key]) = 'POINT NOT NULL'
      THEN [key, 'point', [r[key].srid, r[key].x, r[key].y] + CASE WHEN r[key].srid IN [9157, 4979] THEN [r[key].z] ELSE [] END, false]
    WHEN valueType(r[key]) STARTS WITH 'LIST<POINT'
      THEN [key, 'point', [p IN r[key] | [p.srid, p.x, p.y] + CASE WHEN p.srid IN [9157, 4979] THEN [p.z] ELSE [] END], true]
    WHEN valueType(r[key]) STARTS WITH 'LIST' THEN [key, $kinds[valueType(r[key])], [x IN r[key] | toString(x)], true]
    ELSE [key, $kinds[valueType(r[key])], toString(r[key]), false]
  END] AS properties
