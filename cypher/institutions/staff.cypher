// The people whose statistics or search documents follow institution $id: with $current, those working there
// now (its name is in their search documents); otherwise everyone who ever worked there (its region and type are
// in their talent spans). Parameters: $id, $current.
MATCH (p:Person)-[w:WORKS_AT]->(:Institution {id: $id})
WHERE NOT $current OR w.until IS NULL
RETURN DISTINCT p.id AS id
