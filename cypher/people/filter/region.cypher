// Filter: currently works at an institution located in region $region or anywhere under it.
EXISTS {
  MATCH (p)-[w:WORKS_AT]->(:Institution)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(:Region {code: $region})
  WHERE w.until IS NULL
}
