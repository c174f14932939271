// Benchmark data (bench/search.py): create institutions in regions with their fields.
// Parameters: $rows ([{id, name, type, region, fields}]).
UNWIND $rows AS row
MATCH (r:Region {code: row.region})
CREATE (i:Institution {id: row.id, name: row.name, type: row.type, highTech: false, techSme: false})
       -[:LOCATED_IN]->(r)
WITH i, row
UNWIND row.fields AS code
MATCH (f:Field {code: code})
CREATE (i)-[:FOCUSES_ON]->(f)
