// Upsert plans and their targets. $rows: [{plan, code, name, nameEn, goal, unit, unitEn, startsOn, deadline, counts, source}],
// in the order they are listed (kept as each target's `position`).
// A goal already changed by an admin (goalSetBy) is kept: shipped data never overwrites a decision.
UNWIND range(0, size($rows) - 1) AS position
WITH $rows[position] AS row, position
MERGE (p:Plan {code: row.plan})
ON CREATE SET p.startsOn = date(row.startsOn), p.deadline = date(row.deadline)
MERGE (t:Target {plan: row.plan, code: row.code})
SET t.name = row.name, t.nameEn = row.nameEn, t.unit = row.unit, t.unitEn = row.unitEn, t.position = position,
    t.startsOn = date(row.startsOn), t.deadline = date(row.deadline), t.counts = row.counts, t.source = row.source
SET t.goal = CASE WHEN t.goalSetBy IS NULL THEN row.goal ELSE t.goal END
MERGE (t)-[:IN_PLAN]->(p)
