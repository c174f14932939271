// Resolve institution references of an import to ids. $refs: [{key, creditCode, name, region}]:
// by credit code when given, else by exact name among institutions located in `region` or under it
// (anywhere when region is null). Returns each key with every id that matched (0, 1 or several).
UNWIND $refs AS ref
CALL (ref) {
  OPTIONAL MATCH (i:Institution {creditCode: ref.creditCode})
  WHERE ref.creditCode IS NOT NULL
  RETURN collect(i.id) AS byCode
}
CALL (ref) {
  // Found by name first (the hint), then its region checked walking up from it: planned otherwise, the
  // region test runs for every institution before the name's (seconds a call at 5,000 institutions).
  OPTIONAL MATCH (i:Institution {name: ref.name}) USING INDEX i:Institution(name)
  WHERE ref.creditCode IS NULL AND ref.name IS NOT NULL
    AND (ref.region IS NULL
         OR ref.region IN COLLECT { MATCH (i)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(r:Region) RETURN r.code })
  RETURN collect(DISTINCT i.id) AS byName
}
RETURN ref.key AS key, CASE WHEN ref.creditCode IS NOT NULL THEN byCode ELSE byName END AS ids
