// Revoke a title from $revokedOn (date) for $reason: kept for history, no longer counted after it.
// Parameters: $certificateNo, $revokedOn, $reason. Returns the holder's id and whether it was already revoked.
MATCH (p:Person)-[:HOLDS]->(t:Title {certificateNo: $certificateNo})
WITH p, t, t.revokedOn IS NOT NULL AS alreadyRevoked
SET t.revokedOn = coalesce(t.revokedOn, $revokedOn), t.revokedReason = coalesce(t.revokedReason, $reason)
RETURN p.id AS person, alreadyRevoked
