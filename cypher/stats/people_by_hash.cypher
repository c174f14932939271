// The ids of the people with these identity hashes (after a bulk upsert of people). Parameters: $hashes.
UNWIND $hashes AS hash
MATCH (p:Person {idHash: hash})
RETURN p.id AS id
