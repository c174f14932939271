// What a region goal refers to. Parameters: $plan, $code (the target), $region, $city (the region the plan's
// goals are for). One row: targetExists, regionExists, withinCity (the region lies inside $city, not $city itself).
RETURN EXISTS { MATCH (:Target {plan: $plan, code: $code}) } AS targetExists,
       EXISTS { MATCH (:Region {code: $region}) } AS regionExists,
       EXISTS { MATCH (:Region {code: $region})-[:PART_OF*1..]->(:Region {code: $city}) } AS withinCity
