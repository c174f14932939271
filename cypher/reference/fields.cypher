// Upsert the field taxonomy and its PART_OF tree. $rows: [{code, name, nameEn, parent}].
UNWIND $rows AS row
MERGE (f:Field {code: row.code})
SET f.name = row.name, f.nameEn = row.nameEn
WITH count(*) AS upserted
UNWIND $rows AS row
WITH row WHERE row.parent IS NOT NULL
MATCH (f:Field {code: row.code}), (parent:Field {code: row.parent})
MERGE (f)-[:PART_OF]->(parent)
