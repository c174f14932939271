// Institutions by id, in the shape of institutions/projection. Parameters: $ids.
UNWIND $ids AS id
MATCH (i:Institution {id: id})
RETURN i.id AS id, /*INSTITUTION*/ AS institution
