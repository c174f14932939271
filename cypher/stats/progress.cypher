// Every target's value as of several days, in one statement. Parameters: $region (its code: the region and
// everything within it), $epoch (1950), $targets: [{code, measure, startsOn, deadline, dates: [{at, on, year,
// day}], levels, withinPlan, highEndOnly, flag, since}] (`measure` picks the branch; the others are its
// parameters, null where unused). Rows: code, at, value. No rows at all when the region does not exist.
MATCH (scope:Region {code: $region})
WITH COLLECT { MATCH (r:Region)-[:PART_OF*0..]->(scope) RETURN r.code } AS regions
UNWIND $targets AS target
UNWIND target.dates AS d
CALL (regions, target, d) {
  // Titled staff: the REGION cube (see stats/cube_counts).
  WITH regions, target, d WHERE target.measure = 'titled-staff'
  MATCH (c:TalentCell {cube: 'REGION'}) WHERE c.region IN regions
  OPTIONAL MATCH (t:TalentTally {cell: c.key, year: d.year})
  WITH d, c.atYearStart[d.year - $epoch] AS atYearStart, coalesce(t.days, []) AS days, t.deltas AS deltas
  RETURN sum(atYearStart + reduce(s = 0, i IN range(0, size(days) - 1) |
                                  CASE WHEN days[i] <= d.day THEN s + deltas[i] ELSE s END)) AS value
  UNION ALL
  // Innovation teams recognized by the day, based at an institution in the region.
  WITH regions, target, d WHERE target.measure = 'innovation-teams'
  RETURN COUNT {
    MATCH (t:Team {status: 'recognized'})-[:BASED_AT]->(:Institution)-[:LOCATED_IN]->(r:Region)
    WHERE r.code IN regions AND t.recognizedOn <= d.on
    RETURN DISTINCT t
  } AS value
  UNION ALL
  // Person-visits (人次) of foreign experts begun within the plan period and by the day, hosted in the region.
  WITH regions, target, d WHERE target.measure = 'foreign-expert-visits'
  RETURN COUNT {
    MATCH (p:ForeignExpert)-[:MADE]->(v:Visit)-[:HOSTED_BY]->(:Institution)-[:LOCATED_IN]->(r:Region)
    WHERE r.code IN regions AND target.startsOn <= v.arrivedOn <= target.deadline AND v.arrivedOn <= d.on
      AND (NOT target.highEndOnly OR coalesce(p.highEnd, false))
    RETURN DISTINCT p, v
  } AS value
  UNION ALL
  // Platforms of the target's levels hosted in the region, established by the day (an unknown date counts as
  // earlier); with withinPlan, established within the plan period.
  WITH regions, target, d WHERE target.measure = 'platforms'
  RETURN COUNT {
    MATCH (pl:Platform)-[:HOSTED_BY]->(:Institution)-[:LOCATED_IN]->(r:Region)
    WHERE r.code IN regions AND pl.level IN target.levels AND coalesce(pl.establishedOn, date('1950-01-01')) <= d.on
      AND (NOT target.withinPlan OR target.startsOn <= pl.establishedOn <= target.deadline)
    RETURN DISTINCT pl
  } AS value
  UNION ALL
  // Institutions in the region carrying the flag (highTech, techSme) from its date property, if recorded.
  WITH regions, target, d WHERE target.measure = 'flagged-institutions'
  RETURN COUNT {
    MATCH (i:Institution)-[:LOCATED_IN]->(r:Region)
    WHERE r.code IN regions AND i[target.flag] = true AND coalesce(i[target.since], date('1950-01-01')) <= d.on
    RETURN DISTINCT i
  } AS value
  UNION ALL
  // Innovation projects run by institutions in the region, of the plan's years up to the day's year.
  WITH regions, target, d WHERE target.measure = 'innovation-projects'
  RETURN COUNT {
    MATCH (i:Institution)-[:RAN]->(pr:Project), (i)-[:LOCATED_IN]->(r:Region)
    WHERE r.code IN regions AND target.startsOn.year <= pr.year <= target.deadline.year AND pr.year <= d.on.year
    RETURN DISTINCT pr
  } AS value
}
RETURN target.code AS code, d.at AS at, value
