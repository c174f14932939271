// Filter: born within $birthYear ({gte, lte}, either null for an open side); no birth year never matches.
($birthYear.gte IS NULL OR p.birthYear >= $birthYear.gte) AND ($birthYear.lte IS NULL OR p.birthYear <= $birthYear.lte)
AND p.birthYear IS NOT NULL
