// Brute-force recount of titled staff as of $asOf, straight from people, employments and titles (no
// aggregates): the check of graph/stats. For each person, the principal employment active on $asOf (latest
// start, then institution id) must lie in the region, and the principal active title (highest rank, earliest
// granted, smallest certificate number) gives level, series and year. Parameters: $asOf, $region (a region
// code: it and everything within it), $dimensions (as in stats/span_counts; AGE_BAND gives the age in $asOf's year). Rows: keys, count.
MATCH (scope:Region {code: $region})
WITH COLLECT { MATCH (r:Region)-[:PART_OF*0..]->(scope) RETURN r.code } AS regions
MATCH (p:Person)-[w:WORKS_AT]->(i:Institution)-[:LOCATED_IN]->(r:Region)
WHERE (w.since IS NULL OR w.since <= $asOf) AND (w.until IS NULL OR w.until >= $asOf)
WITH regions, p, i, r ORDER BY coalesce(w.since, date('0001-01-01')) DESC, i.id DESC
WITH regions, p, head(collect({institution: i, region: r.code})) AS job
WHERE job.region IN regions
CALL (p) {
  MATCH (p)-[:HOLDS]->(t:Title), (l:TitleLevel {code: t.level})
  WHERE t.grantedOn <= $asOf AND (t.revokedOn IS NULL OR t.revokedOn > $asOf)
  RETURN t ORDER BY l.rank DESC, t.grantedOn, t.certificateNo LIMIT 1
}
WITH p, job, t,
     COLLECT { MATCH (p)-[x:EXPERT_IN]->(f:Field) RETURN f.code ORDER BY coalesce(x.weight, 0.0) DESC, f.code LIMIT 1 }[0]
     AS field
WITH [d IN $dimensions | CASE d
        WHEN 'REGION' THEN job.region WHEN 'TITLE_LEVEL' THEN t.level WHEN 'TITLE_SERIES' THEN t.series
        WHEN 'GRANT_YEAR' THEN toString(t.grantedOn.year) WHEN 'FIELD' THEN coalesce(field, '')
        WHEN 'INSTITUTION_TYPE' THEN coalesce(job.institution.type, '') WHEN 'GENDER' THEN coalesce(p.gender, '')
        WHEN 'AGE_BAND' THEN toString($asOf.year - p.birthYear) END] AS keys
RETURN keys, count(*) AS count
