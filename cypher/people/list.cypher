// One page of people, each with titles, employment and fields (one round trip).
// Slots filled from allow-lists in graph/people.py: /*FILTERS*/ (fragments from people/filter/),
// /*SORT_KEY*/, /*SORT_GUARD*/, /*AFTER*/, /*DIRECTION*/, /*PERSON*/ (people/projection).
// Parameters: the filters' ($region, $institution, $field, $series, $level, $name, $pinyin),
// $afterKey and $afterId (the cursor), $limit (page size + 1, to know whether a next page exists).
MATCH (p:Person)
WHERE p.withdrawnOn IS NULL /*SORT_GUARD*/ /*FILTERS*/ /*AFTER*/
WITH p, /*SORT_KEY*/ AS sortKey
ORDER BY sortKey /*DIRECTION*/, p.id /*DIRECTION*/
LIMIT $limit
RETURN sortKey, /*PERSON*/ AS person
