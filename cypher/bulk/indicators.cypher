// Upsert a batch of reported indicator figures. $rows: [{indicator, region, year, amount, source, reportedOn,
// fingerprint}]: one per indicator, region, year and report day (the IndicatorFigure key). A correction is a row
// with a later report day: the earlier figure stays, as history. A row re-sent for the same day replaces it.
UNWIND $rows AS row
OPTIONAL MATCH (old:IndicatorFigure {indicator: row.indicator, region: row.region, year: row.year,
                                     reportedOn: row.reportedOn})
WITH row, CASE WHEN old IS NULL THEN 'created'
               WHEN old.importFingerprint = row.fingerprint THEN 'unchanged' ELSE 'updated' END AS outcome
CALL (row, outcome) {
  WITH row WHERE outcome <> 'unchanged'
  MERGE (f:IndicatorFigure {indicator: row.indicator, region: row.region, year: row.year, reportedOn: row.reportedOn})
  ON CREATE SET f.createdAt = datetime()
  SET f.amount = row.amount, f.source = row.source, f.importFingerprint = row.fingerprint
}
RETURN outcome, count(*) AS rows,
       collect(row.indicator + '/' + row.region + '/' + toString(row.year) + '/' + toString(row.reportedOn)) AS keys
