// The people $ids (ids) are refreshed: remove their mark (set by bulk/people or bulk/mark_pending).
UNWIND $ids AS id
MATCH (p:Person {id: id})
REMOVE p.refreshPending
