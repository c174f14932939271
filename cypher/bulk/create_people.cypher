// Create people new to the graph (graph/bulk_people.py checked, in this transaction, that no Person, Title or
// talent span has their keys) with their titles, employer, fields and search document, in one statement.
// $people: [{props (every Person property but the timestamps), institution (id), fields (codes),
// titles: [{props, fingerprint}]}]. Writes what bulk/people followed by search/refresh would write.
UNWIND $people AS person
CREATE (p:Person)
SET p = person.props, p.createdAt = datetime(), p.updatedAt = datetime()
WITH p, person
CALL (p, person) {
  UNWIND person.titles AS title
  CREATE (t:Title)
  SET t = title.props, t.createdAt = datetime(), t.importFingerprint = title.fingerprint
  CREATE (p)-[:HOLDS]->(t)
}
CALL (p, person) {
  MATCH (i:Institution {id: person.institution}) USING INDEX SEEK i:Institution(id)
  CREATE (p)-[:WORKS_AT]->(i)
}
CALL (p, person) {
  UNWIND person.fields AS code
  MATCH (f:Field {code: code}) USING INDEX SEEK f:Field(code)
  CREATE (p)-[:EXPERT_IN {weight: 1.0}]->(f)
}
RETURN count(p) AS created
