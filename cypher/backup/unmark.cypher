// Take the restore's marker off up to $limit nodes; how many.
MATCH (n:_Restoring)
WITH n LIMIT $limit
REMOVE n:_Restoring, n._restoreId
RETURN count(*) AS unmarked
