// Replace the stored talent spans of the people in $ids by $spans
// ([{person, start, end, region, institutionType, level, series, grantYear, field, gender, birthYear}]);
// with $batch (a PendingBatch id) they are pending until that batch is folded into the cubes, else null.
OPTIONAL MATCH (old:TalentSpan) WHERE old.person IN $ids
DELETE old
WITH count(old) AS removed
UNWIND $spans AS span
CREATE (s:TalentSpan)
SET s = span, s.batch = $batch
RETURN removed, count(s) AS added
