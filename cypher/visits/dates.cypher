// What correcting visit $id needs before its expert is locked: its dates and its expert's id. Parameters: $id.
MATCH (p:Person)-[:MADE]->(v:Visit {id: $id})
RETURN p.id AS expert, v.arrivedOn AS arrivedOn, v.departedOn AS departedOn
