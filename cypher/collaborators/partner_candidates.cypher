// People who work now at the institutions $employers (partners of the subject's institutions, from
// collaborators/partners) and are experts in the asked fields $exact or their parents or children
// $related, not already working with the subject (as collaborators/field_candidates): at most
// $perEmployer each, exact field first, then title level, then id.
// Parameters: $employers (ids), $exact, $related (field codes), $perEmployer, $people, $institutions,
// $teams (what the subject is made of: see collaborators/subject_*).
UNWIND $employers AS eid
CALL (eid) {
  MATCH (c:Person)-[w:WORKS_AT]->(:Institution {id: eid})
  WHERE w.until IS NULL AND NOT c.id IN $people
    AND NOT EXISTS { (c)-[v:WORKS_AT]->(i:Institution) WHERE v.until IS NULL AND i.id IN $institutions }
    AND NOT EXISTS { (c)-[m:MEMBER_OF]->(t:Team) WHERE m.until IS NULL AND t.id IN $teams }
  WITH c, CASE WHEN EXISTS { (c)-[:EXPERT_IN]->(f:Field) WHERE f.code IN $exact } THEN 2
               WHEN EXISTS { (c)-[:EXPERT_IN]->(f:Field) WHERE f.code IN $related } THEN 1 ELSE 0 END AS match
  WHERE match > 0
  RETURN c.id AS id ORDER BY match DESC, coalesce(c.levelRank, 0) DESC, c.id LIMIT $perEmployer
}
RETURN id
