// The shape in which every statement returns a person: a map with titles, employment (institution
// with its region) and fields, all gathered in the same statement. Used as the /*PERSON*/ slot.
p {
  .id, .name, .pinyin, .gender, .birthYear, .degree, .email, .phone, .consentToContact,
  .nationality, .highEnd, .keywords,
  foreignExpert: p:ForeignExpert,
  titles: COLLECT {
    MATCH (p)-[:HOLDS]->(t:Title)
    RETURN t {.certificateNo, .series, .level, .name, .grantedOn, .directed, .revokedOn, .revokedReason,
              region: [(t)-[:GRANTED_IN]->(g:Region) | g.code][0]}
    ORDER BY t.grantedOn DESC, t.certificateNo
  },
  employment: COLLECT {
    MATCH (p)-[w:WORKS_AT]->(i:Institution)
    RETURN {since: w.since, until: w.until, role: w.role,
            institution: i {.id, .name, .type, .creditCode, .highTech, .techSme,
                            region: [(i)-[:LOCATED_IN]->(r:Region) | r {.code, .name, .nameEn, .kind}][0]}}
    ORDER BY w.until IS NULL DESC, w.since DESC
  },
  fields: COLLECT {
    MATCH (p)-[e:EXPERT_IN]->(f:Field)
    RETURN f {.code, .name, .nameEn, weight: e.weight}
    ORDER BY e.weight DESC, f.code
  }
}
