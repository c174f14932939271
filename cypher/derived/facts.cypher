// What the search documents and talent spans of the people $ids (person ids) are derived from
// (graph/derivation.py), locking each person first (a concurrent refresh of the same person waits): pinyin,
// keywords, gender, birth year, every field with its weight, every employment (the institutions come from
// derived/institutions, once each: expanding from a busy institution per person is slow inside a bulk load's
// transaction), every title as recorded, the day the person's record was withdrawn (null: never). A person that
// does not exist gives no row.
UNWIND $ids AS id
MATCH (p:Person {id: id})
// Writing a property's own value takes the person's write lock and changes nothing.
SET p.id = p.id
RETURN p.id AS id, p.pinyin AS pinyin, p.keywords AS keywords, p.gender AS gender, p.birthYear AS birthYear,
       p.withdrawnOn AS withdrawnOn,
       COLLECT { MATCH (p)-[x:EXPERT_IN]->(f:Field) RETURN [f.code, coalesce(x.weight, 0.0)] } AS fields,
       COLLECT { MATCH (p)-[w:WORKS_AT]->(i:Institution)
                 RETURN {institution: i.id, since: w.since, until: w.until} } AS jobs,
       COLLECT { MATCH (p)-[:HOLDS]->(t:Title)
                 RETURN {certificateNo: t.certificateNo, level: t.level, series: t.series, grantedOn: t.grantedOn,
                         revokedOn: t.revokedOn} } AS titles
