// Add yearly shifts to cube cells, creating cells as needed. $cells: [{key, cube, region, keys, shift}]:
// `shift` has one number per year from 1950 to 2100, added to `atYearStart`. Each key appears once.
// The first SET (a key's own value) takes the cell's write lock, so the read-and-add after it never loses a
// concurrent update.
UNWIND $cells AS change
MERGE (c:TalentCell {key: change.key})
ON CREATE SET c.cube = change.cube, c.region = change.region, c.keys = change.keys,
              c.atYearStart = [x IN change.shift | 0]
SET c.key = c.key
// Arrays are read once into variables: indexing a property inside a comprehension reads it again each time.
WITH c, c.atYearStart AS years, change.shift AS shift
SET c.atYearStart = [i IN range(0, size(shift) - 1) | years[i] + shift[i]]
