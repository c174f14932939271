// Filter: one of the people $member (a list of ids) is on the team, in any role.
EXISTS { MATCH (m:Person)-[:MEMBER_OF]->(t) WHERE m.id IN $member }
