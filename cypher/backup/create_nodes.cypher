// Write a batch of a backup's nodes, each marked with its id in the backup until the restore is done.
// $rows: [{id, labels, properties, typed}]: plain properties, and temporal and spatial ones as
// [key, kind, text, is list], parsed here by Neo4j itself (graph/backup/values.py).
UNWIND $rows AS row
CREATE (n:$(row.labels + ['_Restoring']))
SET n = row.properties, n._restoreId = row.id
WITH n, row
CALL (n, row) {
  UNWIND row.typed AS typed
  WITH typed[0] AS key, typed[1] AS kind, typed[3] AS isList, CASE WHEN typed[3] THEN typed[2] ELSE [typed[2]] END AS texts
  WITH key, isList, [text IN texts |
    CASE kind
      WHEN 'date' THEN date(text)
      WHEN 'datetime' THEN datetime(text)
      WHEN 'localdatetime' THEN localdatetime(text)
      WHEN 'time' THEN time(text)
      WHEN 'localtime' THEN localtime(text)
      WHEN 'duration' THEN duration(text)
      WHEN 'point' THEN point(CASE size(text) WHEN 4 THEN {srid: text[0], x: text[1], y: text[2], z: text[3]} ELSE {srid: text[0], x: text[1], y: text[2]} END)
    END] AS values
  SET n[key] = CASE WHEN isList THEN values ELSE values[0] END
}
