// Up to $limit people of the demo data set (ids starting with $prefix), to remove.
// Parameters: $prefix, $limit. Returns their ids.
MATCH (p:Person) WHERE p.id STARTS WITH $prefix
RETURN p.id AS id
LIMIT $limit
