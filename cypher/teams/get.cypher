// A team's state for the rules of its lifecycle, read under the team's write lock (taken first, held
// until the transaction ends, so that concurrent changes to the team wait for this one and then see
// it): status, base institution, leader, member ids. Parameters: $id. No row when there is no such team.
MATCH (t:Team {id: $id})
SET t._lock = true
REMOVE t._lock
RETURN t.status AS status,
       [(t)-[:BASED_AT]->(i:Institution) | i.id][0] AS institution,
       [(p:Person)-[:MEMBER_OF {role: 'leader'}]->(t) | p.id][0] AS leader,
       [(p:Person)-[:MEMBER_OF]->(t) | p.id] AS members
