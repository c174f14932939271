// Upsert a batch of foreign-expert visits. $rows: [{id, fingerprint, props, expertHash, expertIdHash,
// expertId, expert, host, fields}]. The expert is the Person with the passport hash `expertHash` (issuing
// country and number), else the one with the identity hash `expertIdHash` (a Chinese identity number or
// permanent-residence card, null when the file gives none), as registerForeignExpert stores them; a new one
// gets `expertId`. A passport or identity hash the expert lacks is added to them.
UNWIND $rows AS row
OPTIONAL MATCH (old:Visit {id: row.id})
WITH row, CASE WHEN old IS NULL THEN 'created'
               WHEN old.importFingerprint = row.fingerprint THEN 'unchanged' ELSE 'updated' END AS outcome
CALL (row, outcome) {
  WITH row WHERE outcome <> 'unchanged'
  OPTIONAL MATCH (byPassport:Person {passportHash: row.expertHash})
  OPTIONAL MATCH (byId:Person {idHash: row.expertIdHash})
  WITH row, coalesce(byPassport, byId) AS found
  CALL (row, found) {
    WITH row WHERE found IS NULL
    MERGE (p:Person {passportHash: row.expertHash})
    ON CREATE SET p.id = row.expertId, p.createdAt = datetime(), p.idHash = row.expertIdHash
    RETURN p
    UNION
    WITH found WHERE found IS NOT NULL
    RETURN found AS p
  }
  SET p:ForeignExpert, p += row.expert,
      p.passportHash = coalesce(p.passportHash, row.expertHash),
      p.idHash = coalesce(p.idHash, row.expertIdHash)
  MERGE (v:Visit {id: row.id})
  SET v += row.props, v.importFingerprint = row.fingerprint
  WITH p, v, row
  CALL (v) {
    OPTIONAL MATCH (:Person)-[old:MADE]->(v)
    DELETE old
  }
  CALL (v) {
    OPTIONAL MATCH (v)-[old:HOSTED_BY]->()
    DELETE old
  }
  MERGE (p)-[:MADE]->(v)
  WITH p, v, row
  CALL (v, row) {
    MATCH (i:Institution {id: row.host})
    MERGE (v)-[:HOSTED_BY]->(i)
  }
  CALL (p, row) {
    UNWIND row.fields AS code
    MATCH (f:Field {code: code})
    MERGE (p)-[e:EXPERT_IN]->(f)
    ON CREATE SET e.weight = 1.0
  }
}
RETURN outcome, count(*) AS rows, collect(row.id) AS keys
