// Filter: located in one of the regions $region (a list of codes) or anywhere under them.
EXISTS { MATCH (i)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(r:Region) WHERE r.code IN $region }
