// The stored talent spans of the people in $ids (person ids), each with `pending`: whether its batch is still
// to be folded into the cubes (graph/stats/fold.py). The batch of a pending span is locked, so that a fold
// waits for this write and then sees the span gone.
MATCH (s:TalentSpan) WHERE s.person IN $ids
OPTIONAL MATCH (b:PendingBatch {id: s.batch})
FOREACH (batch IN CASE WHEN b IS NULL THEN [] ELSE [b] END | SET batch.locked = true)
RETURN properties(s) AS span, b IS NOT NULL AS pending
