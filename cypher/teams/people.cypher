// What the rules of teams need to know of the people named for team $team (null when new) based at
// $institution: whether each exists (a withdrawn person does not), works there now, and which other active
// (neither rejected nor withdrawn) teams
// they lead, each with its base institution. Parameters: $people (ids), $institution, $team.
UNWIND $people AS id
OPTIONAL MATCH (p:Person {id: id})
RETURN id,
       p IS NOT NULL AND p.withdrawnOn IS NULL AS exists,
       EXISTS { MATCH (p)-[w:WORKS_AT]->(:Institution {id: $institution}) WHERE w.until IS NULL } AS local,
       COLLECT { MATCH (p)-[:MEMBER_OF {role: 'leader'}]->(other:Team)
                 WHERE other.status <> 'rejected' AND other.withdrawnOn IS NULL AND ($team IS NULL OR other.id <> $team)
                 RETURN {id: other.id, institution: [(other)-[:BASED_AT]->(i:Institution) | i.id][0]} } AS leads
