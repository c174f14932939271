// Lock the pending batches $batches (ids) for folding and count the talent spans each still has; a batch
// already folded (or never committed) gives no row. A write replacing a pending span locks its batch too.
UNWIND $batches AS id
MATCH (b:PendingBatch {id: id})
SET b.locked = true
RETURN id AS batch, COUNT { MATCH (s:TalentSpan {batch: id}) } AS spans
