// The next $limit person ids after $after (a person id, or '' to start), in id order.
MATCH (p:Person) WHERE p.id > $after
RETURN p.id AS id
ORDER BY p.id
LIMIT $limit
