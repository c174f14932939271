// Revoke the key $id from now on (kept for the audit trail). Returns it, nothing if there is none.
MATCH (k:ApiKey {id: $id})
WITH k, k.revokedAt IS NOT NULL AS alreadyRevoked
SET k.revokedAt = coalesce(k.revokedAt, datetime())
RETURN k {.id, .role, .institution, .name, .createdAt, .revokedAt} AS key, alreadyRevoked
