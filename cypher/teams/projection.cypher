// The shape in which statements return a team (slot /*TEAM*/): base institution, fields, members.
t {
  .id, .name, .status, .origin, .level, .recognizedOn, .reviewComment, .submittedAt, .reviewedAt, .createdAt,
  institution: [(t)-[:BASED_AT]->(i:Institution) | i.id][0],
  fields: COLLECT { MATCH (t)-[:FOCUSES_ON]->(f:Field) RETURN f {.code, .name, .nameEn} ORDER BY f.code },
  members: COLLECT {
    MATCH (p:Person)-[m:MEMBER_OF]->(t)
    RETURN {person: p.id, role: m.role, since: m.since, invited: coalesce(m.invited, false)}
    ORDER BY CASE m.role WHEN 'leader' THEN 0 WHEN 'core' THEN 1 ELSE 2 END, p.pinyin, p.id
  }
}
