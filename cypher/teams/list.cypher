// One page of teams. Slots as people/list (filters from teams/filter/, /*TEAM*/ from teams/projection).
// Parameters: the filters' ($status, $institution, $field, $origin, $level, $name), $cursor, $limit.
MATCH (t:Team)
WHERE t.withdrawnOn IS NULL /*SORT_GUARD*/ /*FILTERS*/ /*AFTER*/
WITH t, /*SORT_KEYS*/
ORDER BY /*ORDER*/
LIMIT $limit
RETURN /*SORT_VALUES*/ AS sortKeys, /*TEAM*/ AS team
