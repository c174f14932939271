// Institution certifications (high-tech, tech SME, provincial leader enterprise) and indicator figures reported by
// other offices: one certification per institution, status and start; one figure per indicator, region, year and
// reporting day (a correction is a later report, the earlier kept as history).
CREATE CONSTRAINT certification_key IF NOT EXISTS FOR (c:Certification) REQUIRE (c.institution, c.status, c.validFrom) IS UNIQUE;
CREATE CONSTRAINT indicator_figure_key IF NOT EXISTS FOR (f:IndicatorFigure) REQUIRE (f.indicator, f.region, f.year, f.reportedOn) IS UNIQUE;
