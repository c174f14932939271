// Filter: arrived within $arrivedOn ({gte, lte} dates, either null for an open side).
($arrivedOn.gte IS NULL OR v.arrivedOn >= $arrivedOn.gte) AND ($arrivedOn.lte IS NULL OR v.arrivedOn <= $arrivedOn.lte)
AND v.arrivedOn IS NOT NULL
