// Remove person $person from team $team. Returns the team's id, nothing if they were not a member.
MATCH (:Person {id: $person})-[m:MEMBER_OF]->(t:Team {id: $team})
DELETE m
RETURN t.id AS id
