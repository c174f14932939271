// Titled staff per cell of one cube, projected onto a grouping, as of several days.
// Parameters: $cube (cube name), $region (a region code: it and everything within it), $positions (indexes into a cell's keys:
// the grouping), $dates ([{at, year, day}]: `at` echoes back, `day` is the day of the year), $epoch (1950).
MATCH (scope:Region {code: $region})
WITH COLLECT { MATCH (r:Region)-[:PART_OF*0..]->(scope) RETURN r.code } AS regions
MATCH (c:TalentCell {cube: $cube}) WHERE c.region IN regions
UNWIND $dates AS d
OPTIONAL MATCH (t:TalentTally {cell: c.key, year: d.year})
// Arrays are read once into variables: indexing a property inside reduce() reads it again each time.
WITH d, c.keys AS cellKeys, c.atYearStart[d.year - $epoch] AS atYearStart, coalesce(t.days, []) AS days,
     t.deltas AS deltas
WITH d.at AS at, [i IN $positions | cellKeys[i]] AS keys,
     atYearStart + reduce(s = 0, i IN range(0, size(days) - 1) | CASE WHEN days[i] <= d.day THEN s + deltas[i] ELSE s END)
     AS count
WITH at, keys, sum(count) AS count
WHERE count <> 0
RETURN at, keys, count
