// Resolve institution references of an import to ids. $refs: [{key, creditCode, name, region}]:
// by credit code when given, else by exact name among institutions located in `region` or under it
// (anywhere when region is null). Returns one row (see bulk/title_holders): `resolved`, a [key, ids] pair
// for each reference, with every id that matched (0, 1 or several).
// Both lookups are forced to be index seeks: planned right after institutions were loaded, before Neo4j
// has sampled the indexes again, the planner may otherwise scan the whole index for every reference and
// work out each institution's regions on the way, many times slower.
UNWIND $refs AS ref
CALL (ref) {
  OPTIONAL MATCH (i:Institution {creditCode: ref.creditCode}) USING INDEX SEEK i:Institution(creditCode)
  WHERE ref.creditCode IS NOT NULL
  RETURN collect(i.id) AS byCode
}
CALL (ref) {
  // The region is checked walking up from each institution of that name.
  OPTIONAL MATCH (i:Institution {name: ref.name}) USING INDEX SEEK i:Institution(name)
  WHERE ref.creditCode IS NULL AND ref.name IS NOT NULL
    AND (ref.region IS NULL
         OR ref.region IN COLLECT { MATCH (i)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(r:Region) RETURN r.code })
  RETURN collect(DISTINCT i.id) AS byName
}
RETURN collect([ref.key, CASE WHEN ref.creditCode IS NOT NULL THEN byCode ELSE byName END]) AS resolved
