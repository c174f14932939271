// Upsert the title series. $rows: [{code, name, nameEn}].
UNWIND $rows AS row
MERGE (s:TitleSeries {code: row.code})
SET s.name = row.name, s.nameEn = row.nameEn
