// The shape in which statements return a visit (slot /*VISIT*/): the expert's and host's ids.
v {
  .id, .arrivedOn, .departedOn, .program, .purpose, .createdAt,
  expert: [(p:Person)-[:MADE]->(v) | p.id][0],
  institution: [(v)-[:HOSTED_BY]->(i:Institution) | i.id][0]
}
