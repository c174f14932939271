// Add daily deltas to the tallies of cube cells, by year. $tallies: [{cell, year, days, byDay}]:
// `days` are days of the year, `byDay` maps each (as a string) to its delta. Each (cell, year) appears once.
// Days whose delta comes to zero are dropped and days stay in order, so a tally depends only on its counts.
// The first SET (a key's own value) takes the tally's write lock.
UNWIND $tallies AS change
MERGE (t:TalentTally {cell: change.cell, year: change.year})
ON CREATE SET t.days = [], t.deltas = []
SET t.cell = t.cell
// Arrays are read once into variables: indexing a property inside a comprehension reads it again each time.
WITH t, change, t.days AS days, t.deltas AS deltas
CALL (change, days, deltas) {
  UNWIND [i IN range(0, size(days) - 1) | [days[i], deltas[i] + coalesce(change.byDay[toString(days[i])], 0)]]
         + [d IN change.days WHERE NOT d IN days | [d, change.byDay[toString(d)]]] AS entry
  WITH entry WHERE entry[1] <> 0
  WITH entry ORDER BY entry[0]
  RETURN collect(entry) AS kept
}
SET t.days = [x IN kept | x[0]], t.deltas = [x IN kept | x[1]]
