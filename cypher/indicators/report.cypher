// Record figures reported for an indicator, a region and a year, or find the same report recorded before
// (idempotent). A later report for the same indicator, region and year supersedes earlier ones as of its day;
// those stay as history. Parameters: $rows: [{indicator, region, year, amount (integer), source, reportedOn}].
// Rows: the stored figure's properties, created, same (whether the stored amount and source are those given).
UNWIND $rows AS row
MERGE (f:IndicatorFigure {indicator: row.indicator, region: row.region, year: row.year, reportedOn: row.reportedOn})
ON CREATE SET f.amount = row.amount, f.source = row.source, f.createdAt = datetime(), f.fresh = true
WITH f, row, coalesce(f.fresh, false) AS created
REMOVE f.fresh
RETURN f.indicator AS indicator, f.region AS region, f.year AS year, f.reportedOn AS reportedOn, f.amount AS amount,
       f.source AS source, created, f.amount = row.amount AND f.source = row.source AS same
