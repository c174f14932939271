// Innovation teams (创新创业团队) recognized by each day, based at an institution in the region.
// Parameters: $regions (codes), $dates ([{at, on}]). Returns one row per date: at, value.
UNWIND $dates AS d
RETURN d.at AS at, COUNT {
  MATCH (t:Team {status: 'recognized'})-[:BASED_AT]->(:Institution)-[:LOCATED_IN]->(r:Region)
  WHERE r.code IN $regions AND t.recognizedOn <= d.on
  RETURN DISTINCT t
} AS value
