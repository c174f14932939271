// Upsert the reference regions and their PART_OF tree. $rows: [{code, name, nameEn, kind, parent}].
UNWIND $rows AS row
MERGE (r:Region {code: row.code})
SET r.name = row.name, r.nameEn = row.nameEn, r.kind = row.kind
WITH count(*) AS upserted
UNWIND $rows AS row
WITH row WHERE row.parent IS NOT NULL
MATCH (r:Region {code: row.code}), (parent:Region {code: row.parent})
MERGE (r)-[:PART_OF]->(parent)
