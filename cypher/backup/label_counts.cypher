// Nodes by label (from Neo4j's count store), but pauses of writes and the restore's own marker label.
CALL db.labels() YIELD label
WITH label WHERE NOT label IN ['WritePause', '_Restoring']
CALL (label) {
  MATCH (n:$(label))
  RETURN count(n) AS count
}
RETURN label, count
