// What ranks each candidate besides closeness: field match (1.0 expert in an asked field, 0.5 in a
// parent or child of one, else 0), title-level rank (0-5) and recent activity.
// Slot: /*ACTIVITY*/ (search/activity). Parameters: $ids, $exact, $related (field codes), $since (date).
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN p.id AS id,
       CASE WHEN EXISTS { (p)-[:EXPERT_IN]->(f:Field) WHERE f.code IN $exact } THEN 1.0
            WHEN EXISTS { (p)-[:EXPERT_IN]->(f:Field) WHERE f.code IN $related } THEN 0.5
            ELSE 0.0 END AS fieldMatch,
       coalesce(p.levelRank, 0) AS level,
       /*ACTIVITY*/ AS activity
