// Record a new upload job, queued. $id (a random UUID), $kind, $institution (the one institution its rows may
// name; null for an administrator's upload), $keyId, $role, $skipInvalid, $bytes (the file's size).
CREATE (j:UploadJob {id: $id, kind: $kind, institution: $institution, keyId: $keyId, role: $role,
                     skipInvalid: $skipInvalid, bytes: $bytes, status: 'queued', phase: 'queued',
                     done: 0, createdAt: datetime(), updatedAt: datetime()})
RETURN j.id AS id
