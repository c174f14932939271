// One page of the audit trail. Slots as people/list (filters from audit/filter/, /*ENTRY*/ from
// audit/projection). Parameters: the filters' ($operation, $keyId, $nodeId, $role), $cursor, $limit.
MATCH (a:AuditEntry)
WHERE true /*SORT_GUARD*/ /*FILTERS*/ /*AFTER*/
WITH a, /*SORT_KEYS*/
ORDER BY /*ORDER*/
LIMIT $limit
RETURN /*SORT_VALUES*/ AS sortKeys, /*ENTRY*/ AS entry
