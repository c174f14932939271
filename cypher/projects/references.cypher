// What a project registration refers to that is missing, and whether its id is taken. Parameters:
// $id, $institutions (ids: the lead and its partners), $people (participant ids), $fields (codes).
RETURN
  EXISTS { (:Project {id: $id}) } AS taken,
  [id IN $institutions WHERE NOT EXISTS { (:Institution {id: id}) }] AS missingInstitutions,
  [id IN $people WHERE NOT EXISTS { (:Person {id: id}) }] AS missingPeople,
  [code IN $fields WHERE NOT EXISTS { (:Field {code: code}) }] AS missingFields
