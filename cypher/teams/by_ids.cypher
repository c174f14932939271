// Teams by id, in the shape of teams/projection (slot /*TEAM*/). Parameters: $ids.
UNWIND $ids AS id
MATCH (t:Team {id: id})
RETURN t.id AS id, /*TEAM*/ AS team
