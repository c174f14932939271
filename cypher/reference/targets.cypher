// Upsert plans and their targets. $rows: [{plan, code, startsOn, deadline, goal, …}], one per target, in the
// order they are listed (kept as each target's `position`): every key is stored on the target (graph/stats/plans.py
// `Target` names them). A goal already changed by an admin (goalSetBy) is kept: shipped data never overwrites a
// decision.
UNWIND range(0, size($rows) - 1) AS position
WITH $rows[position] AS row, position
MERGE (p:Plan {code: row.plan})
ON CREATE SET p.startsOn = row.startsOn, p.deadline = row.deadline
MERGE (t:Target {plan: row.plan, code: row.code})
SET t += row {.*, goal: CASE WHEN t.goalSetBy IS NULL THEN row.goal ELSE t.goal END}, t.position = position
MERGE (t)-[:IN_PLAN]->(p)
