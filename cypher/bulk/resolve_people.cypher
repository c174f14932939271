// Resolve person references of an import to ids. $refs: [{key, idHash, name, institution}]: by the
// identity hash when given, else by exact name among the people currently working at `institution`.
// Returns one row (see bulk/title_holders): `resolved`, a [key, ids] pair for each reference, with every id
// that matched. Seeks are forced, as in bulk/resolve_institutions.
UNWIND $refs AS ref
CALL (ref) {
  OPTIONAL MATCH (p:Person {idHash: ref.idHash}) USING INDEX SEEK p:Person(idHash)
  WHERE ref.idHash IS NOT NULL
  RETURN collect(p.id) AS byHash
}
CALL (ref) {
  OPTIONAL MATCH (p:Person {name: ref.name})-[w:WORKS_AT]->(:Institution {id: ref.institution})
  USING INDEX SEEK p:Person(name)
  WHERE ref.idHash IS NULL AND w.until IS NULL
  RETURN collect(DISTINCT p.id) AS byName
}
RETURN collect([ref.key, CASE WHEN ref.idHash IS NOT NULL THEN byHash ELSE byName END]) AS resolved
