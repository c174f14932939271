// What graph/bulk_people.py needs to create people new to the graph in one go, read in the batch's transaction.
// Parameters: $hashes (identity hashes), $ids (the person ids they would get), $certificates (certificate
// numbers), $institutions (institution ids). Returns, in one row: `knownPeople`, the hashes a Person has
// already; `knownIds`, the ids a Person or a talent span has already; `knownTitles`, the certificate
// numbers a Title has already; `institutions` [{id, name, type, regions (codes, sorted)}] of those that exist.
// The reference trees the people are placed in come from bulk/reference_trees.
RETURN [hash IN $hashes WHERE EXISTS { MATCH (:Person {idHash: hash}) }] AS knownPeople,
       [id IN $ids WHERE EXISTS { MATCH (:Person {id: id}) } OR EXISTS { MATCH (:TalentSpan {person: id}) }]
         AS knownIds,
       [number IN $certificates WHERE EXISTS { MATCH (:Title {certificateNo: number}) }] AS knownTitles,
       COLLECT { UNWIND $institutions AS id
                 MATCH (i:Institution {id: id})
                 RETURN {id: i.id, name: i.name, type: i.type,
                         regions: COLLECT { MATCH (i)-[:LOCATED_IN]->(r:Region) RETURN r.code ORDER BY r.code }} }
         AS institutions
