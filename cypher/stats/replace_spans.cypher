// Replace the stored talent spans of the people in $ids by $spans
// ([{person, start, end, region, institutionType, level, series, grantYear, field, gender, birthYear}]).
OPTIONAL MATCH (old:TalentSpan) WHERE old.person IN $ids
DELETE old
WITH count(old) AS removed
UNWIND $spans AS span
CREATE (s:TalentSpan)
SET s = span
RETURN removed, count(s) AS added
