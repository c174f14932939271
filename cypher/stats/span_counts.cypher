// Titled staff as of $asOf counted from the talent spans, for groupings no cube covers.
// Parameters: $region (a region code: it and everything within it), $dimensions (the grouping, from graph/stats DIMENSIONS;
// AGE_BAND gives the age in $year, banded by the caller), $asOf (date), $year (its year).
MATCH (scope:Region {code: $region})
WITH COLLECT { MATCH (r:Region)-[:PART_OF*0..]->(scope) RETURN r.code } AS regions
MATCH (s:TalentSpan)
WHERE s.region IN regions AND s.start <= $asOf AND (s.end IS NULL OR s.end >= $asOf)
WITH [d IN $dimensions | CASE d
        WHEN 'REGION' THEN s.region WHEN 'TITLE_LEVEL' THEN s.level WHEN 'TITLE_SERIES' THEN s.series
        WHEN 'GRANT_YEAR' THEN toString(s.grantYear) WHEN 'FIELD' THEN s.field
        WHEN 'INSTITUTION_TYPE' THEN s.institutionType WHEN 'GENDER' THEN s.gender
        WHEN 'AGE_BAND' THEN toString($year - s.birthYear) END] AS keys
RETURN keys, count(*) AS count
