// People in the target regions expert in the asked fields or a parent or child of them, best first
// (exact field, then title level), at most $cap, not already working with the subject.
// Parameters: $query (Lucene on person_search: required field-code and region clauses, built by
// graph/collaborators.py), $exact (asked field codes), $people, $institutions, $teams (what the
// subject is made of: see collaborators/subject_*), $cap.
CALL db.index.fulltext.queryNodes('person_search', $query) YIELD node AS c
WITH c
WHERE NOT c.id IN $people
  AND NOT EXISTS { (c)-[w:WORKS_AT]->(i:Institution) WHERE w.until IS NULL AND i.id IN $institutions }
  AND NOT EXISTS { (c)-[m:MEMBER_OF]->(t:Team) WHERE m.until IS NULL AND t.id IN $teams }
WITH c, EXISTS { (c)-[:EXPERT_IN]->(f:Field) WHERE f.code IN $exact } AS exact
ORDER BY exact DESC, c.levelRank DESC, c.id
LIMIT $cap
RETURN c.id AS id
