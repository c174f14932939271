// The figures of indicators in force on each of several days, per region and year: for each, the latest report
// made on or before the day. Parameters: $indicators (codes), $regions (codes), $days (dates).
// Rows: indicator, region, year, day, amount.
MATCH (f:IndicatorFigure)
WHERE f.indicator IN $indicators AND f.region IN $regions
WITH f.indicator AS indicator, f.region AS region, f.year AS year, collect(f) AS reports
UNWIND $days AS day
WITH indicator, region, year, day, [r IN reports WHERE r.reportedOn <= day] AS known
WHERE size(known) > 0
WITH indicator, region, year, day, reduce(last = known[0], r IN known | CASE WHEN r.reportedOn > last.reportedOn
                                                                         THEN r ELSE last END) AS current
RETURN indicator, region, year, day, current.amount AS amount
