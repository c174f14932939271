// One page of visits. Slots as people/list (filters from visits/filter/, /*VISIT*/ from
// visits/projection). Parameters: the filters' ($expert, $institution, $arrivedFrom, $arrivedTo,
// $highEnd, $program), $cursor, $limit.
MATCH (v:Visit)
WHERE v.withdrawnOn IS NULL /*SORT_GUARD*/ /*FILTERS*/ /*AFTER*/
WITH v, /*SORT_KEYS*/
ORDER BY /*ORDER*/
LIMIT $limit
RETURN /*SORT_VALUES*/ AS sortKeys, /*VISIT*/ AS visit
