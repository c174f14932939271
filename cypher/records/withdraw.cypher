// Mark the record with element id $element (found and locked by a records/scope statement) withdrawn from $on:
// it stays in the graph, with who withdrew it and when, out of every count and list from that day.
// Parameters: $element, $on (date), $reason (or null), $keyId (or null), $role. Returns its id.
MATCH (n) WHERE elementId(n) = $element
SET n.withdrawnOn = $on, n.withdrawnAt = datetime(), n.withdrawnBy = $keyId, n.withdrawnRole = $role,
    n.withdrawnReason = $reason
RETURN n.id AS id
