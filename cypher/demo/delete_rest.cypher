// Delete up to $limit of the demo's other nodes (institutions, teams, platforms, projects, visits and
// the load marker: ids starting with $prefix) once its people are gone. Parameters: $prefix, $limit.
// Returns how many were deleted.
MATCH (n) WHERE (n:Institution OR n:Team OR n:Platform OR n:Project OR n:Visit OR n:DemoData)
  AND n.id STARTS WITH $prefix
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
