// What assigning a role at platform $platform to person $person needs to know, under the platform's
// lock: its host institution and establishment date (no row when there is no such platform), whether
// the person exists and works at the host now, and whether they hold a current role there.
// Parameters: $platform, $person.
MATCH (x:Platform {id: $platform})
SET x._lock = true
REMOVE x._lock
WITH x
OPTIONAL MATCH (p:Person {id: $person})
RETURN [(x)-[:HOSTED_BY]->(i:Institution) | i.id][0] AS institution,
       x.establishedOn AS establishedOn,
       p IS NOT NULL AS exists,
       EXISTS { MATCH (p)-[w:WORKS_AT]->(:Institution)<-[:HOSTED_BY]-(x) WHERE w.until IS NULL } AS local,
       EXISTS { MATCH (p)-[r:ROLE_AT]->(x) WHERE r.until IS NULL } AS holds
