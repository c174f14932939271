// Range indexes for the filters and sort keys of lists.
CREATE INDEX person_name IF NOT EXISTS FOR (p:Person) ON (p.name);
CREATE INDEX person_pinyin IF NOT EXISTS FOR (p:Person) ON (p.pinyin);
CREATE INDEX person_birth_year IF NOT EXISTS FOR (p:Person) ON (p.birthYear);
CREATE INDEX institution_name IF NOT EXISTS FOR (i:Institution) ON (i.name);
CREATE INDEX institution_type IF NOT EXISTS FOR (i:Institution) ON (i.type);
CREATE INDEX title_series_level IF NOT EXISTS FOR (t:Title) ON (t.series, t.level);
CREATE INDEX title_level IF NOT EXISTS FOR (t:Title) ON (t.level);
CREATE INDEX title_granted_on IF NOT EXISTS FOR (t:Title) ON (t.grantedOn);
