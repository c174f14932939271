// Mark upload jobs $ids that were queued when their server stopped as failed, with $message.
UNWIND $ids AS id
MATCH (j:UploadJob {id: id}) WHERE j.status = 'queued'
SET j.status = 'failed', j.phase = 'failed', j.failure = $message, j.updatedAt = datetime(), j.finishedAt = datetime()
RETURN count(j) AS abandoned
