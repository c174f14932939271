// Record a certification of an institution, or find the same one recorded before (idempotent).
// Parameters: $rows: [{institution (id), status, validFrom, validUntil (the last valid day), certificateNo}].
// Rows: institution, status, validFrom, validUntil, certificateNo, created (false when it was already there),
// same (whether the stored one has the same validity and number). Nothing for an institution that does not exist.
UNWIND $rows AS row
MATCH (i:Institution {id: row.institution})
MERGE (c:Certification {institution: row.institution, status: row.status, validFrom: row.validFrom})
ON CREATE SET c.validUntil = row.validUntil, c.certificateNo = row.certificateNo, c.createdAt = datetime(),
              c.fresh = true
MERGE (c)-[:CERTIFIES]->(i)
WITH c, row, coalesce(c.fresh, false) AS created
REMOVE c.fresh
RETURN c.institution AS institution, c.status AS status, c.validFrom AS validFrom, c.validUntil AS validUntil,
       c.certificateNo AS certificateNo, created,
       c.validUntil = row.validUntil
       AND (c.certificateNo IS NULL AND row.certificateNo IS NULL OR c.certificateNo = row.certificateNo) AS same
