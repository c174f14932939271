// The refused-rows file of upload job $id (gzipped CSV bytes, or null) and the institution it belongs to.
MATCH (j:UploadJob {id: $id})
RETURN j.institution AS institution, j.refusedFile AS file
