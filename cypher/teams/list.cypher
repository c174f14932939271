// One page of teams. Slots as people/list (filters from teams/filter/, /*TEAM*/ from teams/projection).
// Parameters: the filters' ($status, $institution, $field, $origin, $level, $name), $afterKey, $afterId, $limit.
MATCH (t:Team)
WHERE t.withdrawnOn IS NULL /*SORT_GUARD*/ /*FILTERS*/ /*AFTER*/
WITH t, /*SORT_KEY*/ AS sortKey
ORDER BY sortKey /*DIRECTION*/, t.id /*DIRECTION*/
LIMIT $limit
RETURN sortKey, /*TEAM*/ AS team
