// The reference trees people's search documents and talent spans are derived from (graph/derivation.py), in
// one row: `fields` [{code, text (the name and English name, as searched), above (codes of every field above)}];
// `regions` [{code, within (the code and every region above)}]; `levels` [{code, rank}]. Only migrations
// write these (graph/migrations.py seeds them), so a bulk load reads them once (graph/facts.py).
RETURN COLLECT { MATCH (f:Field)
                 RETURN {code: f.code, text: f.name + ' ' + coalesce(f.nameEn, ''),
                         above: COLLECT { MATCH (f)-[:PART_OF]->+(a:Field) RETURN DISTINCT a.code }} } AS fields,
       COLLECT { MATCH (r:Region)
                 RETURN {code: r.code, within: COLLECT { MATCH (r)-[:PART_OF]->*(a:Region) RETURN DISTINCT a.code }} }
         AS regions,
       COLLECT { MATCH (l:TitleLevel) RETURN {code: l.code, rank: l.rank} } AS levels
