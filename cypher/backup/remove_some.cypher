// Delete up to $limit nodes with their relationships (a restore told to replace what is there); how many.
MATCH (n)
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS removed
