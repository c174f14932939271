// Every region with its parent's code (the tree is small: reference data plus what users add).
MATCH (r:Region)
OPTIONAL MATCH (r)-[:PART_OF]->(parent:Region)
RETURN r.code AS code, r.name AS name, r.nameEn AS nameEn, r.kind AS kind, parent.code AS parent
ORDER BY r.code
