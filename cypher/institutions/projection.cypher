// The shape in which statements return an institution (slot /*INSTITUTION*/): region, fields, staff.
i {
  .id, .name, .type, .creditCode, .highTech, .techSme, .createdAt,
  region: [(i)-[:LOCATED_IN]->(r:Region) | r {.code, .name, .nameEn, .kind}][0],
  fields: COLLECT { MATCH (i)-[:FOCUSES_ON]->(f:Field) RETURN f {.code, .name, .nameEn} ORDER BY f.code },
  staffCount: COUNT { MATCH (i)<-[w:WORKS_AT]-(:Person) WHERE w.until IS NULL }
}
