// What recording a visit needs to know: whether expert $expert exists and is a foreign expert, whether
// host $institution exists, and which of the expert's visits share a day with $arrivedOn..$departedOn
// (an open departure runs on), each with its host's id. Parameters: $expert, $institution, $arrivedOn,
// $departedOn (date or null).
OPTIONAL MATCH (p:Person {id: $expert})
RETURN p IS NOT NULL AS expertExists,
       coalesce(p:ForeignExpert, false) AS foreignExpert,
       EXISTS { (:Institution {id: $institution}) } AS institutionExists,
       COLLECT { MATCH (p)-[:MADE]->(v:Visit)
                 WHERE v.arrivedOn <= coalesce($departedOn, date('9999-12-31'))
                   AND coalesce(v.departedOn, date('9999-12-31')) >= $arrivedOn
                 RETURN {id: v.id, institution: [(v)-[:HOSTED_BY]->(i:Institution) | i.id][0]} } AS overlapping
