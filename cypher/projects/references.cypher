// What a project registration refers to that is missing, and whether its project number is taken among
// the projects its lead institution leads (a loaded project's number is its id). Parameters: $number
// (or null), $institutions (ids: the lead first, then its partners), $people (participant ids), $fields.
RETURN
  $number IS NOT NULL AND EXISTS {
    MATCH (:Institution {id: $institutions[0]})-[:RAN {lead: true}]->(j:Project)
    WHERE j.number = $number OR j.id = $number
  } AS taken,
  [id IN $institutions WHERE NOT EXISTS { (:Institution {id: id}) }] AS missingInstitutions,
  [id IN $people WHERE NOT EXISTS { (:Person {id: id}) }] AS missingPeople,
  [code IN $fields WHERE NOT EXISTS { (:Field {code: code}) }] AS missingFields
