// Who carries any of the identity hashes $hashes (an identity or residence-card number's, a passport's): the
// people holding one as idHash or passportHash, and the people registered under a referral of one to the bureau
// (people/refer_identity), holders first, each with the hashes of $hashes they carry (`hashes`), whether one is
// a passport's (`byPassport`) and the ids of their current employers. Parameters: $hashes.
CALL () {
  UNWIND $hashes AS hash
  MATCH (p:Person {idHash: hash})
  RETURN p, false AS referred, hash, false AS byPassport
  UNION
  UNWIND $hashes AS hash
  MATCH (p:Person {passportHash: hash})
  RETURN p, false AS referred, hash, true AS byPassport
  UNION
  UNWIND $hashes AS hash
  MATCH (:IdentityReferral {idHash: hash})-[:REGISTERED]->(p:Person)
  RETURN p, true AS referred, hash, false AS byPassport
}
WITH p, referred, collect(hash) AS hashes, any(x IN collect(byPassport) WHERE x) AS byPassport
RETURN p.id AS id, referred, hashes, byPassport,
       COLLECT { MATCH (p)-[w:WORKS_AT]->(i:Institution) WHERE w.until IS NULL RETURN i.id } AS employers
ORDER BY referred, id
