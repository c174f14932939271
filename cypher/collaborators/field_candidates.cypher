// People in the target regions expert in the asked fields or a parent or child of them, best first
// (exact field, then title level), at most $cap, not already working with the subject.
// Parameters: $query (Lucene on person_search built by graph/collaborators.py: required region and
// field-code clauses, where only the asked codes score, so that score > 0 means an exact field),
// $people, $institutions, $teams (what the subject is made of: see collaborators/subject_*), $cap.
// The best 2 * $cap by field and level are checked for people already working with the subject.
CALL db.index.fulltext.queryNodes('person_search', $query) YIELD node AS c, score
WITH c, score > 0 AS exact, coalesce(c.levelRank, 0) AS level
ORDER BY exact DESC, level DESC, c.id
LIMIT 2 * $cap
WITH c
WHERE NOT c.id IN $people
  AND NOT EXISTS { (c)-[w:WORKS_AT]->(i:Institution) WHERE w.until IS NULL AND i.id IN $institutions }
  AND NOT EXISTS { (c)-[m:MEMBER_OF]->(t:Team) WHERE m.until IS NULL AND t.id IN $teams }
RETURN c.id AS id
LIMIT $cap
