// The one rule for reading titled staff (graph/stats/maintain.py): the cells of the cube $cube in `regions`,
// as of each of `dates`, plus the talent spans of pending batches (written by bulk loads, not yet folded into
// the cubes: graph/stats/fold.py). A fragment: every statement that counts titled staff fills its
// /*TITLED_STAFF*/ slot with it, inside `CALL (regions, dates) { … }` (graph/stats/talent.py `TITLED_STAFF`).
// `regions`: region codes; `dates`: [{at, counted (the day counted), year and day (its year, its day of the
// year)}] from graph/stats/talent.py `count_dates`, `at` echoed back. Parameters: $cube (cube name), $positions
// (indexes into a cell's keys: the grouping), $dimensions (the grouping's names), $epoch (1950), $bands
// ([{code, lowest}]: age bands, oldest first). Rows: at, keys, count; sum the counts of the same at and keys.
MATCH (c:TalentCell {cube: $cube}) WHERE c.region IN regions
UNWIND dates AS d
OPTIONAL MATCH (t:TalentTally {cell: c.key, year: d.year})
// Arrays are read once into variables: indexing a property inside reduce() reads it again each time.
WITH d, c.keys AS cellKeys, c.atYearStart[d.year - $epoch] AS atYearStart, coalesce(t.days, []) AS days,
     t.deltas AS deltas
RETURN d.at AS at, [i IN $positions | cellKeys[i]] AS keys,
       atYearStart + reduce(s = 0, i IN range(0, size(days) - 1) | CASE WHEN days[i] <= d.day THEN s + deltas[i] ELSE s END)
       AS count
UNION ALL
WITH regions, dates, COLLECT { MATCH (b:PendingBatch) RETURN b.id } AS pending
WHERE size(pending) > 0
MATCH (s:TalentSpan) WHERE s.batch IN pending AND s.region IN regions
UNWIND dates AS d
WITH d, s WHERE s.start <= d.counted AND (s.end IS NULL OR s.end >= d.counted)
RETURN d.at AS at, [dimension IN $dimensions | CASE dimension
         WHEN 'REGION' THEN s.region WHEN 'TITLE_LEVEL' THEN s.level WHEN 'TITLE_SERIES' THEN s.series
         WHEN 'GRANT_YEAR' THEN toString(s.grantYear) WHEN 'FIELD' THEN s.field
         WHEN 'INSTITUTION_TYPE' THEN s.institutionType WHEN 'GENDER' THEN s.gender
         WHEN 'AGE_BAND' THEN CASE WHEN s.birthYear IS NULL THEN ''
                                   ELSE head([b IN $bands WHERE d.year - s.birthYear >= b.lowest | b.code]) END
       END] AS keys, 1 AS count
