// Person-visits (人次) of foreign experts that began within the plan period and by each day, hosted in the
// region; with $highEndOnly, by high-end experts only. Parameters: $regions, $dates ([{at, on}]),
// $startsOn, $deadline, $highEndOnly. Returns one row per date: at, value.
UNWIND $dates AS d
RETURN d.at AS at, COUNT {
  MATCH (p:ForeignExpert)-[:MADE]->(v:Visit)-[:HOSTED_BY]->(:Institution)-[:LOCATED_IN]->(r:Region)
  WHERE r.code IN $regions AND $startsOn <= v.arrivedOn <= $deadline AND v.arrivedOn <= d.on
    AND (NOT $highEndOnly OR coalesce(p.highEnd, false))
  RETURN DISTINCT p, v
} AS value
