// Filter: expert in one of the fields $field (a list of codes) or any of their sub-fields.
EXISTS { MATCH (p)-[:EXPERT_IN]->(:Field)-[:PART_OF*0..]->(f:Field) WHERE f.code IN $field }
