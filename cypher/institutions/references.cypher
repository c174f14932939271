// Which references an institution write names are missing: $region (code), $fields (codes).
RETURN
  CASE WHEN EXISTS { (:Region {code: $region}) } THEN null ELSE $region END AS missingRegion,
  [code IN $fields WHERE NOT EXISTS { (:Field {code: code}) }] AS missingFields
