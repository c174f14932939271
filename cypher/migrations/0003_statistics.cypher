// Statistics aggregates (graph/stats): one cell per cube and keys, one tally per cell and year,
// talent spans found by person (refresh) and by region (groupings no cube covers); the flagged institutions
// that progress counts.
CREATE CONSTRAINT talent_cell_key IF NOT EXISTS FOR (c:TalentCell) REQUIRE c.key IS UNIQUE;
CREATE CONSTRAINT talent_tally_cell_year IF NOT EXISTS FOR (t:TalentTally) REQUIRE (t.cell, t.year) IS UNIQUE;
CREATE INDEX talent_cell_cube_region IF NOT EXISTS FOR (c:TalentCell) ON (c.cube, c.region);
CREATE INDEX talent_span_person IF NOT EXISTS FOR (s:TalentSpan) ON (s.person);
CREATE INDEX talent_span_region IF NOT EXISTS FOR (s:TalentSpan) ON (s.region);
CREATE INDEX institution_high_tech IF NOT EXISTS FOR (i:Institution) ON (i.highTech);
CREATE INDEX institution_tech_sme IF NOT EXISTS FOR (i:Institution) ON (i.techSme);
