// The paths that join the subject to people in the target regions, through the contexts people
// share: teams (MEMBER_OF), platforms (ROLE_AT), projects (WORKED_ON) and employers (WORKS_AT).
//   direct:     subject person -> context <- candidate
//   own:        subject institution <- candidate (former staff), or subject institution -> its
//               team, platform or project <- candidate
//   in common:  subject person -> context <- person in common -> context <- candidate
//               (only when $common, and only through contexts of at most $commonHub people)
// Withdrawn records (graph/records.py) are no context: a withdrawn team, platform or project joins nobody,
// and a withdrawn person is nobody in common (nor a candidate: their searchRegions are empty).
// A context of more than $hub people is walked only towards the $fieldCandidates. Every context
// comes with its size (people attached), for the Adamic-Adar weights in graph/collaborators.py.
// Candidates are not among $people, not working now at $institutions nor members now of $teams,
// and work now in one of $regions (codes; searchRegions holds each region with those above).
// Parameters: $people, $institution (the subject institution's id, or null), $institutions,
// $teams, $regions, $fieldCandidates, $employment (walk subject people's employers too), $common,
// $hub, $commonHub. Returns one row per candidate: its id and its paths ({nodes, rels, sizes}); a
// node carries its year (projects), a relationship its since and until (for the recency of shared work).
CALL () {
  UNWIND $people AS sid
  MATCH (s:Person {id: sid})-[r1:MEMBER_OF|ROLE_AT|WORKED_ON|WORKS_AT]->(z)
  WHERE ($employment OR type(r1) <> 'WORKS_AT') AND z.withdrawnOn IS NULL
  WITH s, r1, z, COUNT { (z)<-[:MEMBER_OF|ROLE_AT|WORKED_ON|WORKS_AT]-() } AS size
  CALL (z, size) {
    WITH z, size WHERE size <= $hub
    MATCH (z)<-[r2:MEMBER_OF|ROLE_AT|WORKED_ON|WORKS_AT]-(c:Person)
    RETURN c, r2
    UNION ALL
    WITH z, size WHERE size > $hub
    UNWIND $fieldCandidates AS cid
    MATCH (c:Person {id: cid})-[r2:MEMBER_OF|ROLE_AT|WORKED_ON|WORKS_AT]->(z)
    USING INDEX c:Person(id)
    RETURN c, r2
  }
  WITH s, r1, z, size, c, r2
  WHERE c <> s AND any(code IN c.searchRegions WHERE code IN $regions)
  RETURN c, [s, z, c] AS nodes, [r1, r2] AS rels, [size] AS sizes
  UNION ALL
  MATCH (i:Institution {id: $institution})-[r1:BASED_AT|HOSTED_BY|RAN]-(z:Team|Platform|Project)
  WHERE z.withdrawnOn IS NULL
  WITH i, r1, z, COUNT { (z)<-[:MEMBER_OF|ROLE_AT|WORKED_ON]-() } AS size
  CALL (z, size) {
    WITH z, size WHERE size <= $hub
    MATCH (z)<-[r2:MEMBER_OF|ROLE_AT|WORKED_ON]-(c:Person)
    RETURN c, r2
    UNION ALL
    WITH z, size WHERE size > $hub
    UNWIND $fieldCandidates AS cid
    MATCH (c:Person {id: cid})-[r2:MEMBER_OF|ROLE_AT|WORKED_ON]->(z)
    USING INDEX c:Person(id)
    RETURN c, r2
  }
  WITH i, r1, z, size, c, r2
  WHERE any(code IN c.searchRegions WHERE code IN $regions)
  RETURN c, [i, z, c] AS nodes, [r1, r2] AS rels, [size] AS sizes
  UNION ALL
  MATCH (i:Institution {id: $institution})
  WITH i, COUNT { (i)<-[:WORKS_AT]-() } AS size
  CALL (i, size) {
    WITH i, size WHERE size <= $hub
    MATCH (i)<-[r:WORKS_AT]-(c:Person)
    RETURN c, r
    UNION ALL
    WITH i, size WHERE size > $hub
    UNWIND $fieldCandidates AS cid
    MATCH (c:Person {id: cid})-[r:WORKS_AT]->(i)
    USING INDEX c:Person(id)
    RETURN c, r
  }
  WITH i, size, c, r
  WHERE any(code IN c.searchRegions WHERE code IN $regions)
  RETURN c, [i, c] AS nodes, [r] AS rels, [size] AS sizes
  UNION ALL
  UNWIND CASE WHEN $common THEN $people ELSE [] END AS sid
  MATCH (s:Person {id: sid})-[r1:MEMBER_OF|ROLE_AT|WORKED_ON|WORKS_AT]->(z1)
  WITH s, r1, z1, COUNT { (z1)<-[:MEMBER_OF|ROLE_AT|WORKED_ON|WORKS_AT]-() } AS size1
  WHERE size1 <= $commonHub AND z1.withdrawnOn IS NULL
  MATCH (z1)<-[r2:MEMBER_OF|ROLE_AT|WORKED_ON|WORKS_AT]-(m:Person)-[r3:MEMBER_OF|ROLE_AT|WORKED_ON|WORKS_AT]->(z2)
  WHERE m <> s AND z2 <> z1 AND m.withdrawnOn IS NULL AND z2.withdrawnOn IS NULL
  WITH s, r1, z1, size1, r2, m, r3, z2,
       COUNT { (z2)<-[:MEMBER_OF|ROLE_AT|WORKED_ON|WORKS_AT]-() } AS size2
  WHERE size2 <= $commonHub
  MATCH (z2)<-[r4:MEMBER_OF|ROLE_AT|WORKED_ON|WORKS_AT]-(c:Person)
  WHERE c <> s AND c <> m AND any(code IN c.searchRegions WHERE code IN $regions)
  RETURN c, [s, z1, m, z2, c] AS nodes, [r1, r2, r3, r4] AS rels, [size1, size2] AS sizes
}
WITH c, collect({nodes: nodes, rels: rels, sizes: sizes}) AS paths
WHERE NOT c.id IN $people
  AND NOT EXISTS { (c)-[w:WORKS_AT]->(i:Institution) WHERE w.until IS NULL AND i.id IN $institutions }
  AND NOT EXISTS { (c)-[m:MEMBER_OF]->(t:Team) WHERE m.until IS NULL AND t.id IN $teams }
RETURN c.id AS id,
       [path IN paths | {nodes: [n IN path.nodes | n {.id, .name, .year, labels: labels(n)}],
                         rels: [r IN path.rels | {type: type(r), former: r.until IS NOT NULL,
                                                  since: r.since, until: r.until}],
                         sizes: path.sizes}] AS paths
