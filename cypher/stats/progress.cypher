// Every target's value as of several days, in one statement, in a region and, for a region within the city, in the
// city as well (for the region's share of it). Parameters: $region (its code: the region and everything within it),
// $city (the region the plan's goals are for), $plan (its code), $targets: [{code, measure, startsOn, deadline,
// dates: [{at, on, counted, year, day}], levels, withinPlan, highEndOnly, status}], $figureTargets (codes of
// targets read from figures: their rows carry only regionGoal) (`measure` picks the branch; the others
// are its parameters, null where unused; `dates` from graph/stats/talent.py `count_dates`), and for titled staff
// (stats/titled_staff fills the slot) $cube ('REGION'), $positions and $dimensions ([]), $epoch (1950), $bands.
// Rows: scope ($region or $city), code, values (one per date, in order), regionGoal (the target's own goal in
// $region, on $region's rows; null where none). No rows when the region does not exist. Each branch but the first
// reads its items once, with the day each began to count and the day its record was withdrawn (null: never;
// graph/records.py), and counts for every date those that count on it.
MATCH (asked:Region {code: $region})
WITH CASE WHEN EXISTS { (asked)-[:PART_OF*1..]->(:Region {code: $city}) } THEN [$region, $city] ELSE [$region] END
     AS scopes
UNWIND scopes AS scopeCode
MATCH (scope:Region {code: scopeCode})
WITH scopeCode, COLLECT { MATCH (r:Region)-[:PART_OF*0..]->(scope) RETURN r.code } AS regions
UNWIND $targets + [code IN $figureTargets | {code: code, measure: 'figures'}] AS target
CALL (regions, target) {
  // Titled staff: the REGION cube, as every statement that counts them reads it.
  WITH regions, target WHERE target.measure = 'titled-staff'
  WITH regions, target.dates AS dates
  CALL (regions, dates) {
    CALL (regions, dates) {
      /*TITLED_STAFF*/
    }
    RETURN collect([at, count]) AS counts
  }
  RETURN [d IN dates | reduce(value = 0, found IN counts | CASE WHEN found[0] = d.at THEN value + found[1] ELSE value END)]
         AS values
  UNION ALL
  // Innovation teams, from the day they were recognized, based at an institution in the region.
  WITH regions, target WHERE target.measure = 'innovation-teams'
  WITH target, COLLECT {
    MATCH (t:Team {status: 'recognized'})-[:BASED_AT]->(i:Institution)
    WHERE EXISTS { (i)-[:LOCATED_IN]->(r:Region) WHERE r.code IN regions }
    WITH DISTINCT t
    RETURN [t.recognizedOn, t.withdrawnOn]
  } AS spans
  RETURN [d IN target.dates | size([s IN spans WHERE s[0] <= d.on AND (s[1] IS NULL OR d.on < s[1])])] AS values
  UNION ALL
  // Person-visits (人次) of foreign experts begun within the plan period, hosted in the region.
  WITH regions, target WHERE target.measure = 'foreign-expert-visits'
  WITH target, COLLECT {
    MATCH (p:ForeignExpert)-[:MADE]->(v:Visit)-[:HOSTED_BY]->(i:Institution)
    WHERE target.startsOn <= v.arrivedOn <= target.deadline AND (NOT target.highEndOnly OR coalesce(p.highEnd, false))
      AND EXISTS { (i)-[:LOCATED_IN]->(r:Region) WHERE r.code IN regions }
    WITH DISTINCT p, v
    // A visit stops counting when it, or its expert, is withdrawn: from the earlier of the two days.
    RETURN [v.arrivedOn, CASE WHEN v.withdrawnOn IS NULL OR p.withdrawnOn < v.withdrawnOn THEN p.withdrawnOn
                              ELSE v.withdrawnOn END]
  } AS spans
  RETURN [d IN target.dates | size([s IN spans WHERE s[0] <= d.on AND (s[1] IS NULL OR d.on < s[1])])] AS values
  UNION ALL
  // Platforms of the target's levels hosted in the region, from their establishment (an unknown date counts
  // as earlier); with withinPlan, only those established within the plan period.
  WITH regions, target WHERE target.measure = 'platforms'
  WITH target, COLLECT {
    MATCH (pl:Platform)-[:HOSTED_BY]->(i:Institution)
    WHERE pl.level IN target.levels AND (NOT target.withinPlan OR target.startsOn <= pl.establishedOn <= target.deadline)
      AND EXISTS { (i)-[:LOCATED_IN]->(r:Region) WHERE r.code IN regions }
    WITH DISTINCT pl
    RETURN [coalesce(pl.establishedOn, date('1950-01-01')), pl.withdrawnOn]
  } AS spans
  RETURN [d IN target.dates | size([s IN spans WHERE s[0] <= d.on AND (s[1] IS NULL OR d.on < s[1])])] AS values
  UNION ALL
  // Institutions in the region holding a certificate of the target's status (高新技术企业, 科技型中小企业,
  // 省级科技领军企业) valid on the day: from its date to the last day of its validity.
  WITH regions, target WHERE target.measure = 'certified'
  WITH target, COLLECT {
    MATCH (c:Certification {status: target.status})-[:CERTIFIES]->(i:Institution)
    WHERE EXISTS { (i)-[:LOCATED_IN]->(r:Region) WHERE r.code IN regions }
    WITH i, collect([c.validFrom, c.validUntil]) AS certificates
    RETURN certificates
  } AS institutions
  // An institution counts once on a day, however many of its certificates are valid then.
  RETURN [d IN target.dates |
          size([certificates IN institutions WHERE any(s IN certificates WHERE s[0] <= d.on <= s[1])])] AS values
  UNION ALL
  // Innovation projects run by institutions in the region, of the plan's years, from 1 January of their year.
  WITH regions, target WHERE target.measure = 'innovation-projects'
  WITH target, COLLECT {
    MATCH (i:Institution)-[:RAN]->(pr:Project)
    WHERE target.startsOn.year <= pr.year <= target.deadline.year
      AND EXISTS { (i)-[:LOCATED_IN]->(r:Region) WHERE r.code IN regions }
    WITH DISTINCT pr
    RETURN [date({year: pr.year}), pr.withdrawnOn]
  } AS spans
  RETURN [d IN target.dates | size([s IN spans WHERE s[0] <= d.on AND (s[1] IS NULL OR d.on < s[1])])] AS values
  UNION ALL
  // Innovation projects of one year (d.year), run by institutions in the region, counted as of d.on.
  WITH regions, target WHERE target.measure = 'projects-of-the-year'
  WITH target, COLLECT {
    MATCH (i:Institution)-[:RAN]->(pr:Project)
    WHERE target.startsOn.year <= pr.year <= target.deadline.year
      AND EXISTS { (i)-[:LOCATED_IN]->(r:Region) WHERE r.code IN regions }
    WITH DISTINCT pr
    RETURN [pr.year, pr.withdrawnOn]
  } AS spans
  RETURN [d IN target.dates |
          size([s IN spans WHERE s[0] = d.year AND date({year: s[0]}) <= d.on AND (s[1] IS NULL OR d.on < s[1])])]
         AS values
  UNION ALL
  // Targets read from indicator figures (indicators/figures): only their region goals are read here.
  WITH target WHERE target.measure = 'figures'
  RETURN [] AS values
}
RETURN scopeCode AS scope, target.code AS code, values,
       CASE WHEN scopeCode = $region
            THEN COLLECT { MATCH (g:RegionGoal {plan: $plan, target: target.code, region: $region}) RETURN g.goal }[0]
       END AS regionGoal
