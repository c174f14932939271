// The batches $batches (ids) are folded into the cubes: their spans stop counting apart.
UNWIND $batches AS id
MATCH (b:PendingBatch {id: id})
DELETE b
