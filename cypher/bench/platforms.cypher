// Benchmark data (bench/search.py): create platforms hosted by institutions with the people who
// hold roles there and fields. Parameters: $rows ([{id, name, institution, people, fields}]).
UNWIND $rows AS row
MATCH (i:Institution {id: row.institution})
CREATE (x:Platform {id: row.id, name: row.name, kind: 'KEY_LAB', level: 'PROVINCIAL'})-[:HOSTED_BY]->(i)
WITH x, row
CALL (x, row) {
  UNWIND row.people AS person
  MATCH (p:Person {id: person})
  CREATE (p)-[:ROLE_AT {role: 'researcher'}]->(x)
}
CALL (x, row) {
  UNWIND row.fields AS code
  MATCH (f:Field {code: code})
  CREATE (x)-[:FOCUSES_ON]->(f)
}
