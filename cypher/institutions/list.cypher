// One page of institutions. Slots as people/list (filters from institutions/filter/,
// /*INSTITUTION*/ from institutions/projection). Parameters: the filters' ($region, $type, $field,
// $name, $highTech, $techSme), $afterKey, $afterId, $limit.
MATCH (i:Institution)
WHERE true /*SORT_GUARD*/ /*FILTERS*/ /*AFTER*/
WITH i, /*SORT_KEY*/ AS sortKey
ORDER BY sortKey /*DIRECTION*/, i.id /*DIRECTION*/
LIMIT $limit
RETURN sortKey, /*INSTITUTION*/ AS institution
