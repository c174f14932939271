// Titled staff per cell of one cube, projected onto a grouping, as of several days (stats/titled_staff fills
// the slot). Parameters: $region (a region code: it and everything within it), $dates (see stats/titled_staff),
// and $cube, $positions, $dimensions, $epoch, $bands as stats/titled_staff takes them. Rows: at, keys, count.
MATCH (scope:Region {code: $region})
WITH COLLECT { MATCH (r:Region)-[:PART_OF*0..]->(scope) RETURN r.code } AS regions, $dates AS dates
CALL (regions, dates) {
  /*TITLED_STAFF*/
}
WITH at, keys, sum(count) AS count
WHERE count <> 0
RETURN at, keys, count
