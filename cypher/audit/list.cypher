// One page of the audit trail. Slots as people/list (filters from audit/filter/, /*ENTRY*/ from
// audit/projection). Parameters: the filters' ($operation, $keyId, $nodeId, $role), $afterKey,
// $afterId, $limit.
MATCH (a:AuditEntry)
WHERE true /*SORT_GUARD*/ /*FILTERS*/ /*AFTER*/
WITH a, /*SORT_KEY*/ AS sortKey
ORDER BY sortKey /*DIRECTION*/, a.id /*DIRECTION*/
LIMIT $limit
RETURN sortKey, /*ENTRY*/ AS entry
