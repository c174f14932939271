// Uniqueness constraints on every natural key (Community has uniqueness, not key or existence, constraints).
CREATE CONSTRAINT migration_name IF NOT EXISTS FOR (m:Migration) REQUIRE m.name IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (p:Person) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT person_id_hash IF NOT EXISTS FOR (p:Person) REQUIRE p.idHash IS UNIQUE;
CREATE CONSTRAINT title_certificate_no IF NOT EXISTS FOR (t:Title) REQUIRE t.certificateNo IS UNIQUE;
CREATE CONSTRAINT institution_id IF NOT EXISTS FOR (i:Institution) REQUIRE i.id IS UNIQUE;
CREATE CONSTRAINT institution_credit_code IF NOT EXISTS FOR (i:Institution) REQUIRE i.creditCode IS UNIQUE;
CREATE CONSTRAINT region_code IF NOT EXISTS FOR (r:Region) REQUIRE r.code IS UNIQUE;
CREATE CONSTRAINT field_code IF NOT EXISTS FOR (f:Field) REQUIRE f.code IS UNIQUE;
CREATE CONSTRAINT title_series_code IF NOT EXISTS FOR (s:TitleSeries) REQUIRE s.code IS UNIQUE;
CREATE CONSTRAINT title_level_code IF NOT EXISTS FOR (l:TitleLevel) REQUIRE l.code IS UNIQUE;
CREATE CONSTRAINT institution_type_code IF NOT EXISTS FOR (t:InstitutionType) REQUIRE t.code IS UNIQUE;
CREATE CONSTRAINT team_id IF NOT EXISTS FOR (t:Team) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT platform_id IF NOT EXISTS FOR (p:Platform) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT visit_id IF NOT EXISTS FOR (v:Visit) REQUIRE v.id IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (p:Project) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT plan_code IF NOT EXISTS FOR (p:Plan) REQUIRE p.code IS UNIQUE;
CREATE CONSTRAINT target_plan_code IF NOT EXISTS FOR (t:Target) REQUIRE (t.plan, t.code) IS UNIQUE;
