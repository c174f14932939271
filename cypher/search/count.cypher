// How many people match a Lucene query on the person_search index. Parameters: $query.
CALL db.index.fulltext.queryNodes('person_search', $query) YIELD node
RETURN count(node) AS total
