// Benchmark baseline: the same people rows as bulk/people, merged with nothing else around them
// (no change detection, no subqueries). $rows: as bulk/people.
UNWIND $rows AS row
MERGE (p:Person {idHash: row.idHash})
ON CREATE SET p.id = row.personId
SET p += row.person
MERGE (t:Title {certificateNo: row.title.certificateNo})
SET t += row.title
MERGE (p)-[:HOLDS]->(t)
WITH p, row
MATCH (i:Institution {id: row.institution})
MERGE (p)-[:WORKS_AT]->(i)
WITH p, row
UNWIND row.fields AS code
MATCH (f:Field {code: code})
MERGE (p)-[:EXPERT_IN]->(f)
