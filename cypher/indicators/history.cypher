// Every figure reported for an indicator, region and year, earliest report first (the last is in force).
// Parameters: $indicator, $region, $year.
MATCH (f:IndicatorFigure {indicator: $indicator, region: $region, year: $year})
RETURN f.indicator AS indicator, f.region AS region, f.year AS year, f.reportedOn AS reportedOn, f.amount AS amount,
       f.source AS source
ORDER BY f.reportedOn
