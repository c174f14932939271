// A bulk load's batch whose talent spans are counted apart from the cubes until graph/stats/fold.py folds them in.
// Parameters: $batch (a new id).
CREATE (:PendingBatch {id: $batch, createdAt: datetime()})
