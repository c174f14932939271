// Filter: made by the foreign expert $expert.
EXISTS { MATCH (:Person {id: $expert})-[:MADE]->(v) }
