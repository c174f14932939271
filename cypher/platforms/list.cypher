// One page of platforms. Slots as people/list (filters from platforms/filter/, /*PLATFORM*/ from
// platforms/projection). Parameters: the filters' ($institution, $kind, $level, $field, $name),
// $cursor, $limit.
MATCH (pl:Platform)
WHERE pl.withdrawnOn IS NULL /*SORT_GUARD*/ /*FILTERS*/ /*AFTER*/
WITH pl, /*SORT_KEYS*/
ORDER BY /*ORDER*/
LIMIT $limit
RETURN /*SORT_VALUES*/ AS sortKeys, /*PLATFORM*/ AS platform
