// Store a new API key: its id, the hash of its secret (never the secret), role, institution.
// Parameters: $id, $hash, $role, $institution (id or null), $name (a note or null).
CREATE (k:ApiKey {id: $id, hash: $hash, role: $role, institution: $institution, name: $name,
                  createdAt: datetime()})
RETURN k {.id, .role, .institution, .name, .createdAt, .revokedAt} AS key
