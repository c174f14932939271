// The shape in which statements return an audit entry (slot /*ENTRY*/).
a {.id, .at, .keyId, .role, .operation, .nodeIds}
