// Record one audit entry: who ($keyId, $role) did what ($operation to the nodes $nodeIds), now.
// Runs in the same write transaction as the change it records. Parameters: $id, $keyId, $role,
// $operation, $nodeIds (ids or natural keys of the nodes changed).
CREATE (a:AuditEntry {id: $id, at: datetime(), keyId: $keyId, role: $role, operation: $operation,
                      nodeIds: $nodeIds})
RETURN a.id AS id
