// Whether a plan with code $code exists.
RETURN EXISTS { MATCH (:Plan {code: $code}) } AS exists
