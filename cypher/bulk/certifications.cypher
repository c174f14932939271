// Upsert a batch of institution certifications. $rows: [{institution, status, validFrom, validUntil, certificateNo,
// fingerprint}]: one per institution, status and date (the Certification key); a row re-sent with another validity
// or number updates it.
UNWIND $rows AS row
OPTIONAL MATCH (old:Certification {institution: row.institution, status: row.status, validFrom: row.validFrom})
WITH row, CASE WHEN old IS NULL THEN 'created'
               WHEN old.importFingerprint = row.fingerprint THEN 'unchanged' ELSE 'updated' END AS outcome
CALL (row, outcome) {
  WITH row WHERE outcome <> 'unchanged'
  MATCH (i:Institution {id: row.institution})
  MERGE (c:Certification {institution: row.institution, status: row.status, validFrom: row.validFrom})
  ON CREATE SET c.createdAt = datetime()
  SET c.validUntil = row.validUntil, c.certificateNo = row.certificateNo, c.importFingerprint = row.fingerprint
  MERGE (c)-[:CERTIFIES]->(i)
}
RETURN outcome, count(*) AS rows,
       collect(row.institution + '/' + row.status + '/' + toString(row.validFrom)) AS keys
