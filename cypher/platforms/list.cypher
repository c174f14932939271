// One page of platforms. Slots as people/list (filters from platforms/filter/, /*PLATFORM*/ from
// platforms/projection). Parameters: the filters' ($institution, $kind, $level, $field, $name),
// $afterKey, $afterId, $limit.
MATCH (pl:Platform)
WHERE pl.withdrawnOn IS NULL /*SORT_GUARD*/ /*FILTERS*/ /*AFTER*/
WITH pl, /*SORT_KEY*/ AS sortKey
ORDER BY sortKey /*DIRECTION*/, pl.id /*DIRECTION*/
LIMIT $limit
RETURN sortKey, /*PLATFORM*/ AS platform
