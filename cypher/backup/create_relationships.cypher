// Write a batch of a backup's relationships between nodes found by their id in the backup; how many.
// $rows: [{type, start, end, properties, typed}], properties as in backup/create_nodes.
UNWIND $rows AS row
MATCH (a:_Restoring {_restoreId: row.start})
MATCH (b:_Restoring {_restoreId: row.end})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties
WITH r, row
CALL (r, row) {
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
  SET r[key] = CASE WHEN isList THEN values ELSE values[0] END
}
RETURN count(r) AS created
