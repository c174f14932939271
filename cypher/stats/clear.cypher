// Delete up to $limit statistics nodes (talent spans, cube cells and tallies, pending batches); returns how many.
// Run again until it returns 0.
MATCH (n) WHERE n:TalentSpan OR n:TalentCell OR n:TalentTally OR n:PendingBatch
WITH n LIMIT $limit
DELETE n
RETURN count(n) AS deleted
