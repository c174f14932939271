// Who carries the identity hash $idHash: the person holding it, and the people registered under a
// referral of it to the bureau (people/refer_identity), holder first, each with the ids of their
// current employers. Parameters: $idHash.
CALL () {
  MATCH (p:Person {idHash: $idHash})
  RETURN p, false AS referred
  UNION
  MATCH (:IdentityReferral {idHash: $idHash})-[:REGISTERED]->(p:Person)
  RETURN p, true AS referred
}
RETURN p.id AS id, referred,
       COLLECT { MATCH (p)-[w:WORKS_AT]->(i:Institution) WHERE w.until IS NULL RETURN i.id } AS employers
ORDER BY referred, id
