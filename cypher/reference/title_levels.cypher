// Upsert the title levels. $rows: [{code, name, nameEn, rank}].
UNWIND $rows AS row
MERGE (l:TitleLevel {code: row.code})
SET l.name = row.name, l.nameEn = row.nameEn, l.rank = row.rank
