// Filter: located in region $region or anywhere under it.
EXISTS { MATCH (i)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(:Region {code: $region}) }
