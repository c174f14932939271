// Up to $limit pending batches (ids), oldest first.
MATCH (b:PendingBatch)
RETURN b.id AS batch
ORDER BY b.createdAt, b.id
LIMIT $limit
