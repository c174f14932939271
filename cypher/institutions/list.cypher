// One page of institutions. Slots as people/list (filters from institutions/filter/,
// /*INSTITUTION*/ from institutions/projection). Parameters: the filters' ($region, $type, $field,
// $name, $highTech, $techSme), $cursor, $limit.
MATCH (i:Institution)
WHERE true /*SORT_GUARD*/ /*FILTERS*/ /*AFTER*/
WITH i, /*SORT_KEYS*/
ORDER BY /*ORDER*/
LIMIT $limit
RETURN /*SORT_VALUES*/ AS sortKeys, /*INSTITUTION*/ AS institution
