// The institutions that keep the records an upload's rows would change, for the scope check of an
// institution key (loaders/writer.py). $people: identity hashes; $teams, $platforms, $visits: ids.
// Returns one row: for each of the four, a [key, institution ids] pair for each key already in the graph (a person's
// current employers, a team's, platform's or visit's institution); keys not in the graph are left out.
CALL () {
  UNWIND $people AS key
  MATCH (p:Person {idHash: key})
  RETURN collect([key, COLLECT { MATCH (p)-[w:WORKS_AT]->(i:Institution) WHERE w.until IS NULL RETURN i.id }])
         AS people
}
CALL () {
  UNWIND $teams AS key
  MATCH (t:Team {id: key})
  RETURN collect([key, COLLECT { MATCH (t)-[:BASED_AT]->(i:Institution) RETURN i.id }]) AS teams
}
CALL () {
  UNWIND $platforms AS key
  MATCH (pl:Platform {id: key})
  RETURN collect([key, COLLECT { MATCH (pl)-[:HOSTED_BY]->(i:Institution) RETURN i.id }]) AS platforms
}
CALL () {
  UNWIND $visits AS key
  MATCH (v:Visit {id: key})
  RETURN collect([key, COLLECT { MATCH (v)-[:HOSTED_BY]->(i:Institution) RETURN i.id }]) AS visits
}
RETURN people, teams, platforms, visits
