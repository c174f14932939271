// Projects by id, with the institutions that ran them, participants and fields. Parameters: $ids.
UNWIND $ids AS id
MATCH (j:Project {id: id})
RETURN j.id AS id, j {
  .id, .number, .name, .kind, .year, .createdAt,
  institutions: COLLECT { MATCH (i:Institution)-[r:RAN]->(j) RETURN {id: i.id, lead: coalesce(r.lead, false)}
                          ORDER BY coalesce(r.lead, false) DESC, i.id },
  participants: COLLECT { MATCH (p:Person)-[w:WORKED_ON]->(j) RETURN {id: p.id, role: coalesce(w.role, 'MEMBER')}
                          ORDER BY w.role = 'LEADER' DESC, p.pinyin, p.id },
  fields: COLLECT { MATCH (j)-[:FOCUSES_ON]->(f:Field) RETURN f {.code, .name, .nameEn} ORDER BY f.code }
} AS project
