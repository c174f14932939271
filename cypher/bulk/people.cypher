// Upsert a batch of people rows, one title each. $rows: [{fingerprint, idHash, personId, person,
// title, institution, fields}]: the person is merged on its identity hash (a new one gets `personId`),
// the title on its certificate number. The institution becomes the person's employer only when they
// have no current employer (moves go through updatePerson). A row whose fingerprint equals the one
// stored on its title is left alone. Returns, per outcome, the rows, their certificate numbers and the
// ids of the people they changed (whose statistics and search documents graph/bulk.py refreshes next).
UNWIND $rows AS row
OPTIONAL MATCH (old:Title {certificateNo: row.title.certificateNo})
WITH row, CASE WHEN old IS NULL THEN 'created'
               WHEN old.importFingerprint = row.fingerprint THEN 'unchanged' ELSE 'updated' END AS outcome
CALL (row, outcome) {
  WITH row WHERE outcome <> 'unchanged'
  MERGE (p:Person {idHash: row.idHash})
  ON CREATE SET p.id = row.personId, p.createdAt = datetime()
  SET p += row.person, p.updatedAt = datetime()
  MERGE (t:Title {certificateNo: row.title.certificateNo})
  ON CREATE SET t.createdAt = datetime()
  SET t += row.title, t.importFingerprint = row.fingerprint
  MERGE (p)-[:HOLDS]->(t)
  WITH p, row
  CALL (p, row) {
    WITH p, row WHERE NOT EXISTS { MATCH (p)-[w:WORKS_AT]->() WHERE w.until IS NULL }
    MATCH (i:Institution {id: row.institution})
    CREATE (p)-[:WORKS_AT {role: null}]->(i)
  }
  CALL (p, row) {
    UNWIND row.fields AS code
    MATCH (f:Field {code: code})
    MERGE (p)-[e:EXPERT_IN]->(f)
    ON CREATE SET e.weight = 1.0
  }
}
WITH row, outcome
OPTIONAL MATCH (p:Person {idHash: row.idHash}) WHERE outcome <> 'unchanged'
RETURN outcome, count(*) AS rows, collect(row.title.certificateNo) AS keys, collect(DISTINCT p.id) AS people
