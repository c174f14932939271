// Benchmark data (bench/search.py): create projects run by institutions with participants and
// fields. Parameters: $rows ([{id, name, kind, year, institution, participants, fields, and optionally
// partners: the ids of partner institutions}]).
UNWIND $rows AS row
MATCH (i:Institution {id: row.institution})
CREATE (i)-[:RAN {role: 'LEAD'}]->(j:Project {id: row.id, name: row.name, kind: row.kind, year: row.year})
WITH j, row
CALL (j, row) {
  UNWIND row.participants AS person
  MATCH (p:Person {id: person})
  CREATE (p)-[:WORKED_ON {role: 'MEMBER'}]->(j)
}
CALL (j, row) {
  UNWIND coalesce(row.partners, []) AS partner
  MATCH (i:Institution {id: partner})
  CREATE (i)-[:RAN {lead: false}]->(j)
}
CALL (j, row) {
  UNWIND row.fields AS code
  MATCH (f:Field {code: code})
  CREATE (j)-[:FOCUSES_ON]->(f)
}
