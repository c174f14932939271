// Platforms by id, in the shape of platforms/projection (slot /*PLATFORM*/). Parameters: $ids.
UNWIND $ids AS id
MATCH (pl:Platform {id: id})
RETURN pl.id AS id, /*PLATFORM*/ AS platform
