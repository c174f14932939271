// Create people new to the graph (graph/bulk_people.py checked, in this transaction, that no Person, Title or
// talent span has their keys, or, for rows validation marked new, that none has their ids: the uniqueness
// constraints on identity hash, id and certificate refuse the rest) with their titles, employer, fields and
// search document, in one statement.
// $institutions (ids) and $fields (codes): every institution and field the batch's people point to, each once;
// $people: [{props (every Person property but the timestamps), institution (its position in $institutions),
// fields (positions in $fields), titles: [{props, fingerprint}]}]. Writes what bulk/people followed by
// deriving them from the graph (graph/derived.py) would write.
// The institutions and fields are looked up once per batch, not once per person, and the per-person writes are
// FOREACH clauses rather than CALL subqueries, which take longer.
// An institution or field gone since the check fails the batch (a relationship to null) rather than leave it out.
WITH datetime() AS now,
     [id IN $institutions | head(COLLECT { MATCH (i:Institution {id: id}) USING INDEX SEEK i:Institution(id)
                                            RETURN i })] AS institutions,
     [code IN $fields | head(COLLECT { MATCH (f:Field {code: code}) USING INDEX SEEK f:Field(code) RETURN f })] AS fields
UNWIND $people AS person
CREATE (p:Person)
SET p = person.props, p.createdAt = now, p.updatedAt = now
FOREACH (title IN person.titles |
  CREATE (p)-[:HOLDS]->(t:Title)
  SET t = title.props, t.createdAt = now, t.importFingerprint = title.fingerprint)
FOREACH (i IN [institutions[person.institution]] | CREATE (p)-[:WORKS_AT]->(i))
FOREACH (f IN [k IN person.fields | fields[k]] | CREATE (p)-[:EXPERT_IN {weight: 1.0}]->(f))
RETURN count(p) AS created
