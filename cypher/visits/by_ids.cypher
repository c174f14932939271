// Visits by id, in the shape of visits/projection (slot /*VISIT*/). Parameters: $ids.
UNWIND $ids AS id
MATCH (v:Visit {id: id})
RETURN v.id AS id, /*VISIT*/ AS visit
