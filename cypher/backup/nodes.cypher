// Every node but a pause of writes (graph/writes.py), streamed for a backup: id, labels, and properties, each
// [key, value], or for a temporal or spatial value [key, kind, text, is list] with Neo4j's own text of it (a
// point as [srid, x, y(, z)]). $kinds: the kind of each such value by its valueType() (graph/backup/values.py).
MATCH (n)
WHERE NOT n:WritePause
RETURN elementId(n) AS id, labels(n) AS labels, [key IN keys(n) |
  CASE
    WHEN $kinds[valueType(n[key])] IS NULL THEN [key, n[key]]
    WHEN valueType(n[key]) = 'POINT NOT NULL'
      THEN [key, 'point', [n[key].srid, n[key].x, n[key].y] + CASE WHEN n[key].srid IN [9157, 4979] THEN [n[key].z] ELSE [] END, false]
    WHEN valueType(n[key]) STARTS WITH 'LIST<POINT'
      THEN [key, 'point', [p IN n[key] | [p.srid, p.x, p.y] + CASE WHEN p.srid IN [9157, 4979] THEN [p.z] ELSE [] END], true]
    WHEN valueType(n[key]) STARTS WITH 'LIST' THEN [key, $kinds[valueType(n[key])], [x IN n[key] | toString(x)], true]
    ELSE [key, $kinds[valueType(n[key])], toString(n[key]), false]
  END] AS properties
