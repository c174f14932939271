// Fragment (slot /*ACTIVITY*/): a person p's recent activity, the number of their team memberships,
// platform roles, and projects and visits since $since (a date; projects count by their year).
COUNT { (p)-[:MEMBER_OF]->(:Team) } + COUNT { (p)-[:ROLE_AT]->(:Platform) }
  + COUNT { (p)-[:WORKED_ON]->(j:Project) WHERE j.year >= $since.year }
  + COUNT { (p)-[:MADE]->(v:Visit) WHERE v.arrivedOn >= $since }
