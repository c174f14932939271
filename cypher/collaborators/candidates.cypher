// What ranks each candidate besides the paths: field match (1.0 expert in an asked field, 0.5 in a
// parent or child of one, else 0), title-level rank (0-5), recent activity, their work in the fields
// (teams, platforms and projects focused on an asked field, and on a parent or child of one) and their
// current employer (for the per-employer cap of graph/collaborators.py).
// Slot: /*ACTIVITY*/ (search/activity). Parameters: $ids, $exact, $related (field codes), $since (date).
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN p.id AS id,
       CASE WHEN EXISTS { (p)-[:EXPERT_IN]->(f:Field) WHERE f.code IN $exact } THEN 1.0
            WHEN EXISTS { (p)-[:EXPERT_IN]->(f:Field) WHERE f.code IN $related } THEN 0.5
            ELSE 0.0 END AS fieldMatch,
       coalesce(p.levelRank, 0) AS level,
       /*ACTIVITY*/ AS activity,
       COUNT { MATCH (p)-[:MEMBER_OF|ROLE_AT|WORKED_ON]->(z)-[:FOCUSES_ON]->(f:Field) WHERE f.code IN $exact
               RETURN DISTINCT z } AS exactWork,
       COUNT { MATCH (p)-[:MEMBER_OF|ROLE_AT|WORKED_ON]->(z)-[:FOCUSES_ON]->(f:Field) WHERE f.code IN $related
               RETURN DISTINCT z } AS relatedWork,
       [(p)-[w:WORKS_AT]->(i:Institution) WHERE w.until IS NULL | i.id][0] AS employer
