// Benchmark data (bench/search.py): create teams based at institutions, with members (former ones
// with `until`) and fields. Parameters: $rows ([{id, name, institution, fields, members: [{id, until, and
// optionally since and role}]}]).
UNWIND $rows AS row
MATCH (i:Institution {id: row.institution})
CREATE (t:Team {id: row.id, name: row.name, status: 'recognized'})-[:BASED_AT]->(i)
WITH t, row
CALL (t, row) {
  UNWIND row.members AS member
  MATCH (p:Person {id: member.id})
  CREATE (p)-[:MEMBER_OF {role: coalesce(member.role, 'member'), since: coalesce(member.since, date('2019-01-01')),
                          until: member.until}]->(t)
}
CALL (t, row) {
  UNWIND row.fields AS code
  MATCH (f:Field {code: code})
  CREATE (t)-[:FOCUSES_ON]->(f)
}
