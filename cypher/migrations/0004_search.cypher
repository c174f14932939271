// Expert search and collaborator suggestions: one full-text index over each person's search
// document (kept by graph/search.py on every write that changes it, rebuilt after bulk loads), and
// a range index on the title-level rank that orders results.
// The analyzer is `standard-no-stop-words`, not `cjk`: it makes one token of each Chinese character,
// so that a quoted Chinese term is an exact substring match (张 finds 张伟; 新材料 finds 钒钛新材料),
// and it keeps every pinyin syllable (cjk drops "an" and "a" as English stop words: 安 would be lost).
// Facets (regions, field codes, title level) are list properties of single tokens, filtered as
// required clauses of the same Lucene query.
CREATE FULLTEXT INDEX person_search IF NOT EXISTS FOR (p:Person)
ON EACH [p.name, p.pinyin, p.pinyinCompact, p.pinyinInitials, p.searchFields, p.searchInstitution,
         p.searchKeywords, p.searchRegions, p.searchFieldCodes, p.searchLevel]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false}};
CREATE INDEX person_level_rank IF NOT EXISTS FOR (p:Person) ON (p.levelRank);
CREATE INDEX project_year IF NOT EXISTS FOR (j:Project) ON (j.year);
