// Titled staff per cell of one cube, projected onto a grouping, as of several days.
// Parameters: $cube (cube name), $regions (region codes counted), $positions (indexes into a cell's keys:
// the grouping), $dates ([{at, year, day}]: `at` echoes back, `day` is the day of the year), $epoch (1950).
MATCH (c:TalentCell {cube: $cube}) WHERE c.region IN $regions
UNWIND $dates AS d
OPTIONAL MATCH (t:TalentTally {cell: c.key, year: d.year})
WITH d.at AS at, [i IN $positions | c.keys[i]] AS keys,
     c.atYearStart[d.year - $epoch]
     + reduce(s = 0, i IN range(0, size(coalesce(t.days, [])) - 1) | CASE WHEN t.days[i] <= d.day THEN s + t.deltas[i] ELSE s END)
     AS count
WITH at, keys, sum(count) AS count
WHERE count <> 0
RETURN at, keys, count
