// The facts that name why each of the suggestions $ids ranks (graph/collaborator_reasons.py): the
// candidate's name, the fields that matched (an exact one, else a related one with the asked field it
// is the parent or child of), the highest unrevoked title with its level's names, and their team
// memberships, platform roles and projects since $since, with their activity count (as
// collaborators/candidates counts it), and the latest of their teams, platforms and projects focused on an
// asked field (else on a parent or child of one). Asked only for the suggestions returned.
// Slot: /*ACTIVITY*/ (search/activity). Parameters: $ids, $exact, $related (field codes), $since (date).
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN p.id AS id,
       p.name AS name,
       /*ACTIVITY*/ AS activity,
       COLLECT { MATCH (p)-[e:EXPERT_IN]->(f:Field) WHERE f.code IN $exact
                 RETURN f {.code, .name, .nameEn} AS field ORDER BY e.weight DESC, f.code } AS exactFields,
       COLLECT { MATCH (p)-[e:EXPERT_IN]->(f:Field)-[:PART_OF]-(a:Field)
                 WHERE f.code IN $related AND a.code IN $exact
                 RETURN {field: f {.code, .name, .nameEn}, asked: a {.code, .name, .nameEn},
                         broader: EXISTS { (a)-[:PART_OF]->(f) }} AS match
                 ORDER BY e.weight DESC, f.code, a.code } AS relatedFields,
       COLLECT { MATCH (p)-[:HOLDS]->(t:Title) WHERE t.revokedOn IS NULL
                 MATCH (l:TitleLevel {code: t.level})
                 RETURN {name: t.name, level: l.name, levelEn: l.nameEn} AS title
                 ORDER BY l.rank DESC, t.grantedOn, t.certificateNo LIMIT 1 } AS titles,
       COLLECT { MATCH (p)-[m:MEMBER_OF]->(t:Team)
                 RETURN {kind: 'TEAM', id: t.id, name: t.name, relation: 'MEMBER_OF',
                         lead: m.role = 'leader', year: null} AS work
                 UNION
                 MATCH (p)-[r:ROLE_AT]->(x:Platform)
                 RETURN {kind: 'PLATFORM', id: x.id, name: x.name, relation: 'ROLE_AT', lead: false,
                         year: null} AS work
                 UNION
                 MATCH (p)-[w:WORKED_ON]->(j:Project) WHERE j.year >= $since.year
                 RETURN {kind: 'PROJECT', id: j.id, name: j.name, relation: 'WORKED_ON',
                         lead: w.role = 'LEADER', year: j.year} AS work } AS works,
       COUNT { MATCH (p)-[:MEMBER_OF|ROLE_AT|WORKED_ON]->(z)-[:FOCUSES_ON]->(f:Field)
               WHERE f.code IN $exact + $related RETURN DISTINCT z } AS fieldWorkCount,
       COLLECT { MATCH (p)-[r:MEMBER_OF|ROLE_AT|WORKED_ON]->(z)-[:FOCUSES_ON]->(f:Field)
                 WHERE f.code IN $exact + $related
                 WITH z, r, min(CASE WHEN f.code IN $exact THEN 0 ELSE 1 END) AS rank
                 RETURN {kind: CASE WHEN z:Team THEN 'TEAM' WHEN z:Platform THEN 'PLATFORM' ELSE 'PROJECT' END,
                         id: z.id, name: z.name, relation: type(r), year: coalesce(z.year, r.since.year)} AS work
                 ORDER BY rank, coalesce(work.year, 0) DESC, work.id LIMIT 1 } AS fieldWorks
