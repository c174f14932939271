// One upload job by $id, without its refused-rows file (uploads/refused_file): every property as a map.
MATCH (j:UploadJob {id: $id})
RETURN j {.*, refusedFile: null, hasRefusedFile: j.refusedFile IS NOT NULL} AS job
