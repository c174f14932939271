// Upsert a batch of innovation teams. $rows: [{id, fingerprint, props, institution, fields, leader,
// members}] with leader and members as person ids. Membership is replaced by the row's.
UNWIND $rows AS row
OPTIONAL MATCH (old:Team {id: row.id})
WITH row, CASE WHEN old IS NULL THEN 'created'
               WHEN old.importFingerprint = row.fingerprint THEN 'unchanged' ELSE 'updated' END AS outcome
CALL (row, outcome) {
  WITH row WHERE outcome <> 'unchanged'
  MERGE (t:Team {id: row.id})
  ON CREATE SET t.createdAt = datetime()
  SET t += row.props, t.importFingerprint = row.fingerprint
  WITH t, row
  CALL (t) {
    OPTIONAL MATCH (t)-[old:BASED_AT|FOCUSES_ON]->()
    DELETE old
  }
  CALL (t) {
    OPTIONAL MATCH (:Person)-[old:MEMBER_OF]->(t)
    DELETE old
  }
  CALL (t, row) {
    MATCH (i:Institution {id: row.institution})
    MERGE (t)-[:BASED_AT]->(i)
  }
  CALL (t, row) {
    UNWIND row.fields AS code
    MATCH (f:Field {code: code})
    MERGE (t)-[:FOCUSES_ON]->(f)
  }
  CALL (t, row) {
    UNWIND [{id: row.leader, role: 'leader'}] + [id IN row.members | {id: id, role: 'member'}] AS member
    MATCH (p:Person {id: member.id})
    MERGE (p)-[m:MEMBER_OF]->(t)
    SET m.role = member.role
  }
}
RETURN outcome, count(*) AS rows, collect(row.id) AS keys
