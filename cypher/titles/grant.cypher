// Grant a title to a person. Parameters: $person (id), $props (certificateNo, series, level, name,
// grantedOn, directed), $region (code or null: where it was granted). Returns the certificate number,
// nothing when the person does not exist. A duplicate certificate number fails on its constraint.
MATCH (p:Person {id: $person})
CREATE (p)-[:HOLDS]->(t:Title)
SET t = $props, t.createdAt = datetime()
WITH p, t
CALL (t) {
  MATCH (g:Region {code: $region})
  CREATE (t)-[:GRANTED_IN]->(g)
}
SET p.updatedAt = datetime()
RETURN t.certificateNo AS certificateNo, p.id AS person
