// Upsert the institution types. $rows: [{code, name, nameEn}].
UNWIND $rows AS row
MERGE (t:InstitutionType {code: row.code})
SET t.name = row.name, t.nameEn = row.nameEn
