// Whether writes are paused (graph/writes.py), checked first by every write transaction: one row, whose
// retryAfter (seconds) is null when they are not. No parameters.
OPTIONAL MATCH (p:WritePause)
WHERE p.expires > datetime()
RETURN max(p.retryAfter) AS retryAfter
