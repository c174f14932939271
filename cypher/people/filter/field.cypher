// Filter: expert in field $field or any of its sub-fields.
EXISTS { MATCH (p)-[:EXPERT_IN]->(:Field)-[:PART_OF*0..]->(:Field {code: $field}) }
