// The shape in which statements return a platform (slot /*PLATFORM*/): host institution and fields.
pl {
  .id, .name, .kind, .level, .establishedOn, .createdAt,
  institution: [(pl)-[:HOSTED_BY]->(i:Institution) | i.id][0],
  fields: COLLECT { MATCH (pl)-[:FOCUSES_ON]->(f:Field) RETURN f {.code, .name, .nameEn} ORDER BY f.code }
}
