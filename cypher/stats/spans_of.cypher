// The stored talent spans of the people in $ids (person ids).
MATCH (s:TalentSpan) WHERE s.person IN $ids
RETURN properties(s) AS span
