// Institutions in the region carrying a flag by each day: the boolean property $flag (highTech, techSme) set,
// and its date property $since (highTechSince, techSmeSince) unknown or on or before the day.
// Parameters: $regions, $dates ([{at, on}]), $flag, $since. Rows: at, value.
UNWIND $dates AS d
RETURN d.at AS at, COUNT {
  MATCH (i:Institution)-[:LOCATED_IN]->(r:Region)
  WHERE r.code IN $regions AND i[$flag] = true AND coalesce(i[$since], date('1950-01-01')) <= d.on
  RETURN DISTINCT i
} AS value
