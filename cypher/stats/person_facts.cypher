// What statistics need of each person in $ids, locking them first (a concurrent refresh of the same
// person waits): gender, birth year, the day their record was withdrawn (null: never), principal field (highest weight, then code), every employment
// with its institution's type (regions come from stats/institution_regions, once per institution: expanding
// from a busy institution per person is slow inside a bulk load's transaction), every title with its level's rank (5 = 正高级; titles of an
// unknown level are left out). Parameters: $ids (person ids).
UNWIND $ids AS id
MATCH (p:Person {id: id})
// Writing a property's own value takes the person's write lock and changes nothing.
SET p.id = p.id
RETURN p.id AS person, p.gender AS gender, p.birthYear AS birthYear, p.withdrawnOn AS withdrawnOn,
       COLLECT { MATCH (p)-[x:EXPERT_IN]->(f:Field)
                 RETURN f.code ORDER BY coalesce(x.weight, 0.0) DESC, f.code LIMIT 1 }[0] AS field,
       COLLECT { MATCH (p)-[w:WORKS_AT]->(i:Institution)
                 RETURN {institution: i.id, type: i.type, since: w.since, until: w.until} } AS employments,
       COLLECT { MATCH (p)-[:HOLDS]->(t:Title), (l:TitleLevel {code: t.level})
                 WHERE t.grantedOn IS NOT NULL
                 RETURN {certificateNo: t.certificateNo, level: t.level, rank: l.rank, series: t.series,
                         grantedOn: t.grantedOn, revokedOn: t.revokedOn} } AS titles
