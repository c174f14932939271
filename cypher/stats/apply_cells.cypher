// Add yearly shifts to cube cells, creating cells as needed. $cells: [{key, cube, region, keys, shift}]:
// `shift` has one number per year from 1950 to 2100, added to `atYearStart`. Each key appears once.
// The first SET takes the cell's write lock, so the read-and-add after it never loses a concurrent update.
UNWIND $cells AS change
MERGE (c:TalentCell {key: change.key})
ON CREATE SET c.cube = change.cube, c.region = change.region, c.keys = change.keys,
              c.atYearStart = [x IN change.shift | 0]
SET c.writes = coalesce(c.writes, 0) + 1
WITH c, change
SET c.atYearStart = [i IN range(0, size(change.shift) - 1) | c.atYearStart[i] + change.shift[i]]
