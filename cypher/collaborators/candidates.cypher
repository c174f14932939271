// What ranks each candidate besides closeness, and the facts that name it: field match (1.0 expert
// in an asked field, 0.5 in a parent or child of one, else 0), title-level rank (0-5) and recent
// activity; with the candidate's name, the fields that matched (an exact one, else a related one with
// the asked field it is the parent or child of), the highest unrevoked title with its level's names,
// and their team memberships, platform roles and projects since $since (for the activity reason).
// Slot: /*ACTIVITY*/ (search/activity). Parameters: $ids, $exact, $related (field codes), $since (date).
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN p.id AS id,
       p.name AS name,
       CASE WHEN EXISTS { (p)-[:EXPERT_IN]->(f:Field) WHERE f.code IN $exact } THEN 1.0
            WHEN EXISTS { (p)-[:EXPERT_IN]->(f:Field) WHERE f.code IN $related } THEN 0.5
            ELSE 0.0 END AS fieldMatch,
       coalesce(p.levelRank, 0) AS level,
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
                         lead: w.role = 'LEADER', year: j.year} AS work } AS works
