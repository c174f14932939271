// Mark the people $ids (ids) for a refresh of their statistics and search documents (graph/bulk.py),
// in the transaction of the bulk write that changed them.
UNWIND $ids AS id
MATCH (p:Person {id: id})
SET p.refreshPending = true
