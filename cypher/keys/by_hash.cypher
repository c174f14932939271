// The unrevoked key whose secret hashes to $hash, if any. Parameters: $hash.
MATCH (k:ApiKey {hash: $hash})
WHERE k.revokedAt IS NULL
RETURN k {.id, .role, .institution, .name, .createdAt, .revokedAt} AS key
