// R&D platforms of the $levels hosted in the region and established by each day (an unknown date counts
// as before the registry); with $withinPlan, only those established within the plan period.
// Parameters: $regions, $dates ([{at, on}]), $levels, $withinPlan, $startsOn, $deadline. Rows: at, value.
UNWIND $dates AS d
RETURN d.at AS at, COUNT {
  MATCH (pl:Platform)-[:HOSTED_BY]->(:Institution)-[:LOCATED_IN]->(r:Region)
  WHERE r.code IN $regions AND pl.level IN $levels AND coalesce(pl.establishedOn, date('1950-01-01')) <= d.on
    AND (NOT $withinPlan OR $startsOn <= pl.establishedOn <= $deadline)
  RETURN DISTINCT pl
} AS value
