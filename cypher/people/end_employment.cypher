// End person $id's current employment at institution $institution on $on (its last day).
// Parameters: $id, $institution, $on (date). Returns the employment's start (null when not recorded); no row
// when the person has no current employment there.
MATCH (p:Person {id: $id})-[w:WORKS_AT]->(:Institution {id: $institution})
WHERE w.until IS NULL
SET w.until = $on, p.updatedAt = datetime()
RETURN w.since AS since
