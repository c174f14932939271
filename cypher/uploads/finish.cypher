// Record the outcome of an upload job. $id, $status ('succeeded', 'refused', 'failed'), $summary (a map: rows,
// created, updated, unchanged, refused, written, errorCount, seconds), $errors (the first errors, as JSON
// text), $fileError (why the file could not be read, or null), $refusedFile (the refused rows as gzipped CSV
// bytes, or null).
MATCH (j:UploadJob {id: $id})
SET j += $summary, j.status = $status, j.phase = $status, j.errors = $errors, j.fileError = $fileError,
    j.refusedFile = $refusedFile, j.updatedAt = datetime(), j.finishedAt = datetime()
RETURN j.id AS id
