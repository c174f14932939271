// One page of people, each with titles, employment and fields (one round trip).
// Slots filled from allow-lists by graph/listing.py: /*FILTERS*/ (fragments from people/filter/, each
// node of the filter tree with parameters of its own: $w0_region…), /*SORT_KEYS*/ (`key AS sortKeyN`),
// /*ORDER*/ (the keys and the id, each ASC or DESC), /*SORT_VALUES*/ (the keys as one list), /*SORT_GUARD*/
// (the first key's), /*AFTER*/ (rows beyond $cursor: the keys and id of a row), /*PERSON*/ (people/projection).
// Parameters: the filters', $cursor, $limit (page size + 1, to know whether another page follows).
MATCH (p:Person)
WHERE p.withdrawnOn IS NULL /*SORT_GUARD*/ /*FILTERS*/ /*AFTER*/
WITH p, /*SORT_KEYS*/
ORDER BY /*ORDER*/
LIMIT $limit
RETURN /*SORT_VALUES*/ AS sortKeys, /*PERSON*/ AS person
