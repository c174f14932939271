// Change a target's goal, recording who decided it (shipped reference data then keeps it).
// Parameters: $plan, $code, $goal (number), $setBy (key id or role). Returns nothing when there is no such target.
MATCH (t:Target {plan: $plan, code: $code})
SET t.goal = $goal, t.goalSetBy = $setBy, t.goalSetAt = datetime()
RETURN t.code AS code
