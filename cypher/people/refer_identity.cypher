// Refer to the bureau a registration whose identity hash (an identity or residence-card number's, or a
// passport's) another person already holds: the new person $person is registered without it, and the referral
// keeps the hash and joins both people. Parameters: $id (the referral's), $person, $idHash (the hash held),
// $keyId, $role, $institution (the registering key's institution, or null). Returns the referral's id.
MATCH (registered:Person {id: $person})
CALL () {
  OPTIONAL MATCH (p:Person {idHash: $idHash})
  RETURN p
  UNION
  OPTIONAL MATCH (p:Person {passportHash: $idHash})
  RETURN p
}
WITH registered, collect(p) AS holders
CREATE (r:IdentityReferral {id: $id, idHash: $idHash, at: datetime(), keyId: $keyId, role: $role,
                            institution: $institution})-[:REGISTERED]->(registered)
FOREACH (holder IN holders[..1] | CREATE (r)-[:MATCHES]->(holder))
RETURN r.id AS id
