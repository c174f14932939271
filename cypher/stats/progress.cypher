// Every target's value as of several days, in one statement, in a region and, for a region within the city, in the
// city as well (for the region's share of it). Parameters: $region (its code: the region and everything within it),
// $city (the region the plan's goals are for), $plan (its code), $epoch (1950), $targets: [{code, measure, startsOn,
// deadline, dates: [{at, on, counted, year, day}], levels, withinPlan, highEndOnly}] (`measure` picks the branch; the
// others are its parameters, null where unused). Rows: scope ($region or $city), code, values (one per date, in
// order), regionGoal (the target's own goal in $region, on $region's rows; null where none). No rows when the region
// does not exist. Each branch but the first reads its items once, with the day each began to count, and counts them
// for every date from that list.
MATCH (asked:Region {code: $region})
WITH CASE WHEN EXISTS { (asked)-[:PART_OF*1..]->(:Region {code: $city}) } THEN [$region, $city] ELSE [$region] END
     AS scopes
UNWIND scopes AS scopeCode
MATCH (scope:Region {code: scopeCode})
WITH scopeCode, COLLECT { MATCH (r:Region)-[:PART_OF*0..]->(scope) RETURN r.code } AS regions,
     COLLECT { MATCH (b:PendingBatch) RETURN b.id } AS pending
UNWIND $targets AS target
CALL (regions, pending, target) {
  // Titled staff: the REGION cube, as in stats/cube_counts, plus the spans of pending batches.
  WITH regions, pending, target WHERE target.measure = 'titled-staff'
  UNWIND target.dates AS d
  OPTIONAL MATCH (c:TalentCell {cube: 'REGION'}) WHERE c.region IN regions
  OPTIONAL MATCH (t:TalentTally {cell: c.key, year: d.year})
  WITH d, coalesce(c.atYearStart[d.year - $epoch], 0) AS atYearStart, coalesce(t.days, []) AS days,
       t.deltas AS deltas
  WITH d, pending, regions, sum(atYearStart + reduce(s = 0, i IN range(0, size(days) - 1) |
                                   CASE WHEN days[i] <= d.day THEN s + deltas[i] ELSE s END)) AS cubes
  WITH d, cubes + CASE WHEN size(pending) = 0 THEN 0 ELSE COUNT {
         MATCH (s:TalentSpan) WHERE s.batch IN pending AND s.region IN regions
                                AND s.start <= d.counted AND (s.end IS NULL OR s.end >= d.counted) } END AS value
  ORDER BY d.at
  RETURN collect(value) AS values
  UNION ALL
  // Innovation teams, from the day they were recognized, based at an institution in the region.
  WITH regions, target WHERE target.measure = 'innovation-teams'
  WITH target, COLLECT {
    MATCH (t:Team {status: 'recognized'})-[:BASED_AT]->(i:Institution)
    WHERE EXISTS { (i)-[:LOCATED_IN]->(r:Region) WHERE r.code IN regions }
    WITH DISTINCT t
    RETURN t.recognizedOn
  } AS days
  RETURN [d IN target.dates | size([day IN days WHERE day <= d.on])] AS values
  UNION ALL
  // Person-visits (人次) of foreign experts begun within the plan period, hosted in the region.
  WITH regions, target WHERE target.measure = 'foreign-expert-visits'
  WITH target, COLLECT {
    MATCH (p:ForeignExpert)-[:MADE]->(v:Visit)-[:HOSTED_BY]->(i:Institution)
    WHERE target.startsOn <= v.arrivedOn <= target.deadline AND (NOT target.highEndOnly OR coalesce(p.highEnd, false))
      AND EXISTS { (i)-[:LOCATED_IN]->(r:Region) WHERE r.code IN regions }
    WITH DISTINCT p, v
    RETURN v.arrivedOn
  } AS days
  RETURN [d IN target.dates | size([day IN days WHERE day <= d.on])] AS values
  UNION ALL
  // Platforms of the target's levels hosted in the region, from their establishment (an unknown date counts
  // as earlier); with withinPlan, only those established within the plan period.
  WITH regions, target WHERE target.measure = 'platforms'
  WITH target, COLLECT {
    MATCH (pl:Platform)-[:HOSTED_BY]->(i:Institution)
    WHERE pl.level IN target.levels AND (NOT target.withinPlan OR target.startsOn <= pl.establishedOn <= target.deadline)
      AND EXISTS { (i)-[:LOCATED_IN]->(r:Region) WHERE r.code IN regions }
    WITH DISTINCT pl
    RETURN coalesce(pl.establishedOn, date('1950-01-01'))
  } AS days
  RETURN [d IN target.dates | size([day IN days WHERE day <= d.on])] AS values
  UNION ALL
  // High-tech enterprises (高新技术企业) in the region, from highTechSince if recorded.
  WITH regions, target WHERE target.measure = 'high-tech-enterprises'
  WITH target, COLLECT {
    MATCH (i:Institution {highTech: true})
    WHERE EXISTS { (i)-[:LOCATED_IN]->(r:Region) WHERE r.code IN regions }
    RETURN coalesce(i.highTechSince, date('1950-01-01'))
  } AS days
  RETURN [d IN target.dates | size([day IN days WHERE day <= d.on])] AS values
  UNION ALL
  // Technology-based SMEs (科技型中小企业) in the region, from techSmeSince if recorded.
  WITH regions, target WHERE target.measure = 'tech-smes'
  WITH target, COLLECT {
    MATCH (i:Institution {techSme: true})
    WHERE EXISTS { (i)-[:LOCATED_IN]->(r:Region) WHERE r.code IN regions }
    RETURN coalesce(i.techSmeSince, date('1950-01-01'))
  } AS days
  RETURN [d IN target.dates | size([day IN days WHERE day <= d.on])] AS values
  UNION ALL
  // Innovation projects run by institutions in the region, of the plan's years, from 1 January of their year.
  WITH regions, target WHERE target.measure = 'innovation-projects'
  WITH target, COLLECT {
    MATCH (i:Institution)-[:RAN]->(pr:Project)
    WHERE target.startsOn.year <= pr.year <= target.deadline.year
      AND EXISTS { (i)-[:LOCATED_IN]->(r:Region) WHERE r.code IN regions }
    WITH DISTINCT pr
    RETURN date({year: pr.year})
  } AS days
  RETURN [d IN target.dates | size([day IN days WHERE day <= d.on])] AS values
}
RETURN scopeCode AS scope, target.code AS code, values,
       CASE WHEN scopeCode = $region
            THEN COLLECT { MATCH (g:RegionGoal {plan: $plan, target: target.code, region: $region}) RETURN g.goal }[0]
       END AS regionGoal
