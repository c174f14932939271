// Add daily deltas to the tallies of cube cells, by year. $tallies: [{cell, year, days, byDay}]:
// `days` are days of the year, `byDay` maps each (as a string) to its delta. Each (cell, year) appears once.
// Days whose delta comes to zero are dropped. The first SET takes the tally's write lock.
UNWIND $tallies AS change
MERGE (t:TalentTally {cell: change.cell, year: change.year})
ON CREATE SET t.days = [], t.deltas = []
SET t.writes = coalesce(t.writes, 0) + 1
// Arrays are read once into variables: indexing a property inside a comprehension reads it again each time.
WITH t, change, t.days AS days, t.deltas AS deltas
WITH t, [i IN range(0, size(days) - 1) | [days[i], deltas[i] + coalesce(change.byDay[toString(days[i])], 0)]]
        + [d IN change.days WHERE NOT d IN days | [d, change.byDay[toString(d)]]] AS merged
WITH t, [x IN merged WHERE x[1] <> 0] AS kept
SET t.days = [x IN kept | x[0]], t.deltas = [x IN kept | x[1]]
