// Benchmark data (bench/search.py): create people with their current and former employers, fields
// and titles. Parameters: $rows ([{id, name, pinyin, birthYear, employer, since, former: [{id, since,
// until}], fields, titles: [{certificateNo, series, level, grantedOn}]}]).
UNWIND $rows AS row
MATCH (i:Institution {id: row.employer})
CREATE (p:Person {id: row.id, name: row.name, pinyin: row.pinyin, birthYear: row.birthYear,
                  consentToContact: false})-[:WORKS_AT {since: row.since}]->(i)
WITH p, row
CALL (p, row) {
  UNWIND row.former AS job
  MATCH (old:Institution {id: job.id})
  CREATE (p)-[:WORKS_AT {since: job.since, until: job.until}]->(old)
}
CALL (p, row) {
  UNWIND row.fields AS code
  MATCH (f:Field {code: code})
  CREATE (p)-[:EXPERT_IN {weight: 1.0}]->(f)
}
CALL (p, row) {
  UNWIND row.titles AS title
  CREATE (p)-[:HOLDS]->(:Title {certificateNo: title.certificateNo, series: title.series, level: title.level,
                               name: title.series + title.level, grantedOn: title.grantedOn, directed: false})
}
