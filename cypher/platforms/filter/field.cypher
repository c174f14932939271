// Filter: focuses on field $field or any of its sub-fields.
EXISTS { MATCH (pl)-[:FOCUSES_ON]->(:Field)-[:PART_OF*0..]->(:Field {code: $field}) }
