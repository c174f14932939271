// Filter: established within $establishedOn ({gte, lte} dates, either null for an open side).
($establishedOn.gte IS NULL OR pl.establishedOn >= $establishedOn.gte)
AND ($establishedOn.lte IS NULL OR pl.establishedOn <= $establishedOn.lte) AND pl.establishedOn IS NOT NULL
