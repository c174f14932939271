// Recompute the search document of the people $ids (ids) from the graph: compact pinyin and initials
// (derived from p.pinyin, so that bulk-loaded people need only that), the names
// of their fields and current employers, their keywords, and the facets the person_search index
// filters on: regions of current employers with every region above (searchRegions), field codes
// with `under_<code>` for every field above (searchFieldCodes), the highest unrevoked title level
// (searchLevel, lower-case code; levelRank, its rank, 0 without a title). Codes become single
// tokens: '-' turns into '_'. Lists are sorted, so that a document depends only on the graph.
// Returns how many people were refreshed.
UNWIND $ids AS id
MATCH (p:Person {id: id})
WITH p,
  COLLECT { MATCH (p)-[:EXPERT_IN]->(f:Field) RETURN f.name + ' ' + coalesce(f.nameEn, '') AS text ORDER BY text }
    AS fieldNames,
  COLLECT { MATCH (p)-[:EXPERT_IN]->(f:Field) RETURN replace(f.code, '-', '_') AS code ORDER BY code } AS ownFields,
  COLLECT { MATCH (p)-[:EXPERT_IN]->(:Field)-[:PART_OF]->+(a:Field)
            RETURN DISTINCT 'under_' + replace(a.code, '-', '_') AS code ORDER BY code } AS fieldsAbove,
  COLLECT { MATCH (p)-[w:WORKS_AT]->(i:Institution) WHERE w.until IS NULL RETURN i.name AS name ORDER BY name }
    AS employers,
  COLLECT { MATCH (p)-[w:WORKS_AT]->(:Institution)-[:LOCATED_IN]->(:Region)-[:PART_OF]->*(r:Region)
            WHERE w.until IS NULL RETURN DISTINCT r.code AS code ORDER BY code } AS regions,
  COLLECT { MATCH (p)-[:HOLDS]->(t:Title) WHERE t.revokedOn IS NULL
            MATCH (l:TitleLevel {code: t.level}) RETURN l ORDER BY l.rank DESC LIMIT 1 } AS levels
SET p.pinyinCompact = replace(coalesce(p.pinyin, ''), ' ', ''),
    p.pinyinInitials = reduce(initials = '', syllable IN split(coalesce(p.pinyin, ''), ' ') | initials + left(syllable, 1)),
    p.searchFields = fieldNames,
    p.searchInstitution = employers,
    p.searchKeywords = coalesce(p.keywords, []),
    p.searchRegions = regions,
    p.searchFieldCodes = ownFields + fieldsAbove,
    p.searchLevel = [l IN levels | toLower(l.code)],
    p.levelRank = coalesce(levels[0].rank, 0)
RETURN count(p) AS refreshed
