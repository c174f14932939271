// Every field of the taxonomy with its parent's code.
MATCH (f:Field)
OPTIONAL MATCH (f)-[:PART_OF]->(parent:Field)
RETURN f.code AS code, f.name AS name, f.nameEn AS nameEn, parent.code AS parent
ORDER BY f.code
