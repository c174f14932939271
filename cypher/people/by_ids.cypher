// People by id, in the shape of people/projection (slot /*PERSON*/). Parameters: $ids.
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN p.id AS id, /*PERSON*/ AS person
