// Which of the references a person write names are missing. Parameters: $institution (id or null),
// $fields (codes), $person (id or null). Returns the missing keys, empty lists when all exist.
RETURN
  CASE WHEN $institution IS NULL OR EXISTS { (:Institution {id: $institution}) } THEN null ELSE $institution END
    AS missingInstitution,
  [code IN $fields WHERE NOT EXISTS { (:Field {code: code}) }] AS missingFields,
  CASE WHEN $person IS NULL OR EXISTS { (:Person {id: $person}) } THEN null ELSE $person END AS missingPerson
