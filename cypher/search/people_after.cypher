// The next $batch person ids after $after (null for the first batch), in id order: the batches in
// which graph/search.py rebuilds every search document after a bulk load.
MATCH (p:Person)
WHERE p.id > coalesce($after, '')
RETURN p.id AS id
ORDER BY p.id
LIMIT $batch
