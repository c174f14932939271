// Whether person $person currently works at institution $institution. Parameters: $person, $institution.
RETURN EXISTS {
  MATCH (:Person {id: $person})-[w:WORKS_AT]->(:Institution {id: $institution})
  WHERE w.until IS NULL
} AS worksAt
