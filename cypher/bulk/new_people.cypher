// What graph/bulk_people.py needs to create people new to the graph in one go, read in the batch's transaction.
// Parameters: $hashes (identity hashes), $ids (the person ids they would get), $certificates (certificate
// numbers), $institutions (institution ids). Returns, in one row: `knownPeople`, the hashes a Person has
// already; `knownIds`, the ids a Person or a talent span has already; `knownTitles`, a [certificate number,
// import fingerprint] pair for each certificate a Title has already (graph/bulk_people.py leaves out the rows
// that would not change it); `institutions` [{id, name, type, regions (codes, sorted)}] of those that exist.
// The reference trees the people are placed in come from derived/reference.
// Every lookup is a forced index seek (see bulk/resolve_institutions): the first batches of a load are
// planned while the indexes they read still look empty.
RETURN [hash IN $hashes WHERE EXISTS { MATCH (p:Person {idHash: hash}) USING INDEX SEEK p:Person(idHash) }]
         AS knownPeople,
       [id IN $ids WHERE EXISTS { MATCH (p:Person {id: id}) USING INDEX SEEK p:Person(id) }
                      OR EXISTS { MATCH (s:TalentSpan {person: id}) USING INDEX SEEK s:TalentSpan(person) }]
         AS knownIds,
       COLLECT { UNWIND $certificates AS number
                 MATCH (t:Title {certificateNo: number}) USING INDEX SEEK t:Title(certificateNo)
                 RETURN [number, t.importFingerprint] } AS knownTitles,
       COLLECT { UNWIND $institutions AS id
                 MATCH (i:Institution {id: id}) USING INDEX SEEK i:Institution(id)
                 RETURN {id: i.id, name: i.name, type: i.type,
                         regions: COLLECT { MATCH (i)-[:LOCATED_IN]->(r:Region) RETURN r.code ORDER BY r.code }} }
         AS institutions
