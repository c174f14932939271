// Create a plan and its targets. Parameters: $plan ({code, name, nameEn, startsOn, deadline}),
// $targets ([{code, name, nameEn, goal, unit, unitEn, startsOn, deadline, counts, source, position}]), $setBy.
// A plan code already used fails on the Plan constraint.
CREATE (p:Plan)
SET p = $plan, p.createdAt = datetime(), p.createdBy = $setBy
WITH p
UNWIND $targets AS target
CREATE (t:Target)-[:IN_PLAN]->(p)
SET t = target, t.plan = p.code, t.goalSetBy = $setBy, t.goalSetAt = datetime()
RETURN count(t) AS targets
