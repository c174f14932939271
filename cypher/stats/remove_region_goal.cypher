// Remove a target's goal for one region, if it has one. Parameters: $plan, $code (the target), $region.
MATCH (g:RegionGoal {plan: $plan, target: $code, region: $region})
DELETE g
RETURN count(*) AS removed
