// Refer to the bureau a registration whose identity hash another person already holds: the new person
// $person is registered without it, and the referral keeps the hash and joins both people.
// Parameters: $id (the referral's), $person, $idHash, $keyId, $role, $institution (the registering
// key's institution, or null). Returns the referral's id.
MATCH (registered:Person {id: $person})
OPTIONAL MATCH (holder:Person {idHash: $idHash})
CREATE (r:IdentityReferral {id: $id, idHash: $idHash, at: datetime(), keyId: $keyId, role: $role,
                            institution: $institution})-[:REGISTERED]->(registered)
FOREACH (p IN CASE WHEN holder IS NULL THEN [] ELSE [holder] END | CREATE (r)-[:MATCHES]->(p))
RETURN r.id AS id
