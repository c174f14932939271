// The institutions in the target regions that have worked with the subject's institutions: for each
// employer, how many teams based at, platforms hosted by and projects run by one of $institutions have
// someone who works there now, and the latest of them (a project by its year, else the latest joining)
// with the person of the employer on it.
// Parameters: $institutions (the subject's: see collaborators/subject_*), $regions (codes), $limit.
// Returns employer id and name, works (count), and latest {kind, id, name, year, relation (of the person
// to the work), person: {id, name}, host: {id, name}}.
UNWIND $institutions AS iid
MATCH (h:Institution {id: iid})-[:BASED_AT|HOSTED_BY|RAN]-(z:Team|Platform|Project)
MATCH (z)<-[r:MEMBER_OF|ROLE_AT|WORKED_ON]-(p:Person)-[w:WORKS_AT]->(e:Institution)
WHERE w.until IS NULL AND NOT e.id IN $institutions AND z.withdrawnOn IS NULL AND p.withdrawnOn IS NULL
  AND EXISTS { (e)-[:LOCATED_IN]->(:Region)-[:PART_OF]->*(g:Region) WHERE g.code IN $regions }
WITH e, h, z, r, p, coalesce(z.year, r.since.year) AS year
ORDER BY year DESC, z.id, p.id
WITH e, collect({kind: CASE WHEN z:Team THEN 'TEAM' WHEN z:Platform THEN 'PLATFORM' ELSE 'PROJECT' END,
                 id: z.id, name: z.name, year: year, relation: type(r), person: p {.id, .name},
                 host: h {.id, .name}}) AS joined
RETURN e.id AS id, e.name AS name, size(reduce(seen = [], j IN joined |
         CASE WHEN j.id IN seen THEN seen ELSE seen + j.id END)) AS works, joined[0] AS latest
ORDER BY works DESC, id
LIMIT $limit
