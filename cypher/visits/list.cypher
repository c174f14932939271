// One page of visits. Slots as people/list (filters from visits/filter/, /*VISIT*/ from
// visits/projection). Parameters: the filters' ($expert, $institution, $arrivedFrom, $arrivedTo,
// $highEnd, $program), $afterKey, $afterId, $limit.
MATCH (v:Visit)
WHERE v.withdrawnOn IS NULL /*SORT_GUARD*/ /*FILTERS*/ /*AFTER*/
WITH v, /*SORT_KEY*/ AS sortKey
ORDER BY sortKey /*DIRECTION*/, v.id /*DIRECTION*/
LIMIT $limit
RETURN sortKey, /*VISIT*/ AS visit
