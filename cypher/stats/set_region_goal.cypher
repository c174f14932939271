// Set a target's goal for one region (created or replaced), recording who decided it.
// Parameters: $plan, $code (the target), $region, $goal (a positive number), $setBy (key id or role).
MERGE (g:RegionGoal {plan: $plan, target: $code, region: $region})
SET g.goal = $goal, g.setBy = $setBy, g.setAt = datetime()
RETURN g.goal AS goal
