// Delete the demo people $ids with the titles they hold (their statistics are recounted next, in the
// same transaction, by graph/derived.py). Parameters: $ids. Returns how many people were deleted.
UNWIND $ids AS id
MATCH (p:Person {id: id})
OPTIONAL MATCH (p)-[:HOLDS]->(t:Title)
DETACH DELETE t
WITH DISTINCT p
DETACH DELETE p
RETURN count(*) AS deleted
