// Innovation projects run by institutions in the region, of the plan's years up to each day's year.
// Parameters: $regions, $dates ([{at, on}]), $startsOn, $deadline. Rows: at, value.
UNWIND $dates AS d
RETURN d.at AS at, COUNT {
  MATCH (i:Institution)-[:RAN]->(pr:Project), (i)-[:LOCATED_IN]->(r:Region)
  WHERE r.code IN $regions AND $startsOn.year <= pr.year <= $deadline.year AND pr.year <= d.on.year
  RETURN DISTINCT pr
} AS value
