// Talent spans written by a bulk load's batch carry the batch's id and count through their PendingBatch
// node until graph/stats/fold.py adds them to the cubes and deletes it (statistics read cubes plus pending spans).
CREATE CONSTRAINT pending_batch_id IF NOT EXISTS FOR (b:PendingBatch) REQUIRE b.id IS UNIQUE;
CREATE INDEX talent_span_batch IF NOT EXISTS FOR (s:TalentSpan) ON (s.batch);
