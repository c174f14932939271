// Filter: focuses on one of the fields $field (a list of codes) or any of their sub-fields.
EXISTS { MATCH (pl)-[:FOCUSES_ON]->(:Field)-[:PART_OF*0..]->(f:Field) WHERE f.code IN $field }
