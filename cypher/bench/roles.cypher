// Benchmark data (bench/collaborators_eval.py): roles at platforms from a date.
// Parameters: $rows ([{platform, person, role, since}]).
UNWIND $rows AS row
MATCH (x:Platform {id: row.platform}), (p:Person {id: row.person})
CREATE (p)-[:ROLE_AT {role: row.role, since: row.since}]->(x)
