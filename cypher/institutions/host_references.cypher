// Which references a write to something hosted by an institution (team, platform) names are missing:
// $institution (id), $fields (codes).
RETURN
  CASE WHEN EXISTS { (:Institution {id: $institution}) } THEN null ELSE $institution END AS missingInstitution,
  [code IN $fields WHERE NOT EXISTS { (:Field {code: code}) }] AS missingFields
