// Filter: currently works at an institution located in one of the regions $region (a list of codes)
// or anywhere under them.
EXISTS {
  MATCH (p)-[w:WORKS_AT]->(:Institution)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(r:Region)
  WHERE w.until IS NULL AND r.code IN $region
}
