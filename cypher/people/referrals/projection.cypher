// The shape in which statements return a referral (slot /*REFERRAL*/): when, by which key, for which
// institution, the person registered and the person who already held the identity number.
r {
  .id, .at, .keyId, .role, .institution,
  registered: [(r)-[:REGISTERED]->(p:Person) | p.id][0],
  holder: [(r)-[:MATCHES]->(p:Person) | p.id][0]
}
