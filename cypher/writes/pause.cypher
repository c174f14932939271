// Pause writes: a WritePause node that every write transaction sees (writes/gate), until it is removed or
// expires. Expired pauses (a backup that died) are removed first. $id: the pause's id; $reason: why;
// $lease: seconds until it expires unless renewed; $retryAfter: seconds a refused client should wait.
// Returns the server's time at which the pause starts.
OPTIONAL MATCH (old:WritePause)
WHERE old.expires <= datetime()
DELETE old
WITH count(*) AS removed
CREATE (p:WritePause {id: $id, reason: $reason, since: datetime(), retryAfter: $retryAfter})
SET p.expires = p.since + duration({seconds: $lease})
RETURN p.since AS since
