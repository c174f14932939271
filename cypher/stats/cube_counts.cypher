// Titled staff per cell of one cube, projected onto a grouping, as of several days, plus the talent spans of
// pending batches (written by bulk loads, not yet folded into the cubes: graph/stats/fold.py).
// Parameters: $cube (cube name), $region (a region code: it and everything within it), $positions (indexes into a
// cell's keys: the grouping), $dimensions (the grouping's names), $dates ([{at, on, year, day}]: `at` echoes back,
// `day` is the day of the year), $epoch (1950), $bands ([{code, lowest}]: age bands, oldest first).
MATCH (scope:Region {code: $region})
WITH COLLECT { MATCH (r:Region)-[:PART_OF*0..]->(scope) RETURN r.code } AS regions,
     COLLECT { MATCH (b:PendingBatch) RETURN b.id } AS pending
CALL (regions, pending) {
  MATCH (c:TalentCell {cube: $cube}) WHERE c.region IN regions
  UNWIND $dates AS d
  OPTIONAL MATCH (t:TalentTally {cell: c.key, year: d.year})
  // Arrays are read once into variables: indexing a property inside reduce() reads it again each time.
  WITH d, c.keys AS cellKeys, c.atYearStart[d.year - $epoch] AS atYearStart, coalesce(t.days, []) AS days,
       t.deltas AS deltas
  RETURN d.at AS at, [i IN $positions | cellKeys[i]] AS keys,
         atYearStart + reduce(s = 0, i IN range(0, size(days) - 1) | CASE WHEN days[i] <= d.day THEN s + deltas[i] ELSE s END)
         AS count
  UNION ALL
  WITH regions, pending WHERE size(pending) > 0
  MATCH (s:TalentSpan) WHERE s.batch IN pending AND s.region IN regions
  UNWIND $dates AS d
  WITH d, s WHERE s.start <= d.on AND (s.end IS NULL OR s.end >= d.on)
  RETURN d.at AS at, [dimension IN $dimensions | CASE dimension
           WHEN 'REGION' THEN s.region WHEN 'TITLE_LEVEL' THEN s.level WHEN 'TITLE_SERIES' THEN s.series
           WHEN 'GRANT_YEAR' THEN toString(s.grantYear) WHEN 'FIELD' THEN s.field
           WHEN 'INSTITUTION_TYPE' THEN s.institutionType WHEN 'GENDER' THEN s.gender
           WHEN 'AGE_BAND' THEN CASE WHEN s.birthYear IS NULL THEN ''
                                     ELSE head([b IN $bands WHERE d.year - s.birthYear >= b.lowest | b.code]) END
         END] AS keys, 1 AS count
}
WITH at, keys, sum(count) AS count
WHERE count <> 0
RETURN at, keys, count
