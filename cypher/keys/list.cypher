// Every API key, newest first, without its hash.
MATCH (k:ApiKey)
RETURN k {.id, .role, .institution, .name, .createdAt, .revokedAt} AS key
ORDER BY k.createdAt DESC, k.id
