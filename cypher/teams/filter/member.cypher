// Filter: person $member is on the team, in any role.
EXISTS { MATCH (:Person {id: $member})-[:MEMBER_OF]->(t) }
