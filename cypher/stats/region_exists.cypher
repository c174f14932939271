// Whether a region with code $region exists.
RETURN EXISTS { MATCH (:Region {code: $region}) } AS exists
