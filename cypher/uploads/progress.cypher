// Record how far a running upload job is. $id, $status, $phase ('validating', 'writing'), $done (rows so far),
// $total (rows in all, null while not known).
MATCH (j:UploadJob {id: $id})
SET j.status = $status, j.phase = $phase, j.done = $done, j.total = $total, j.updatedAt = datetime()
RETURN j.id AS id
