// How many people match a Lucene query on the person_search index, withdrawn people left out (as search/experts
// leaves them). Parameters: $query.
CALL db.index.fulltext.queryNodes('person_search', $query) YIELD node
WHERE node.withdrawnOn IS NULL
RETURN count(node) AS total
