// One page of experts matching a Lucene query on the person_search index, ranked by relevance
// (score), then title level, then recent activity, then id; keyset-paged after a cursor.
// Activity is counted only for the hits that can still reach the page: those at or above the
// (score, level) of the $limit-th hit below the cursor's (score, level).
// Slots: /*ACTIVITY*/ (search/activity), /*PERSON*/ (people/projection).
// Parameters: $query (built by graph/search.py: text clauses and required filter clauses),
// $after (null, or the last row's {score, level, activity, id}), $limit (page size + 1), $since (date).
CALL db.index.fulltext.queryNodes('person_search', $query) YIELD node AS p, score
WITH p, score, coalesce(p.levelRank, 0) AS level
WHERE $after IS NULL OR score < $after.score OR (score = $after.score AND level <= $after.level)
WITH p, score, level
ORDER BY score DESC, level DESC
WITH collect({p: p, score: score, level: level}) AS hits
WITH hits, [h IN hits WHERE $after IS NULL OR h.score < $after.score OR h.level < $after.level][$limit - 1] AS last
UNWIND hits AS hit
WITH hit
WHERE last IS NULL OR hit.score > last.score OR (hit.score = last.score AND hit.level >= last.level)
WITH hit.p AS p, hit.score AS score, hit.level AS level
WITH p, score, level, /*ACTIVITY*/ AS activity
WHERE $after IS NULL OR score < $after.score OR level < $after.level OR activity < $after.activity
   OR (activity = $after.activity AND p.id > $after.id)
WITH p, score, level, activity
ORDER BY score DESC, level DESC, activity DESC, p.id
LIMIT $limit
RETURN score, level, activity, /*PERSON*/ AS person,
       p {.pinyinCompact, .pinyinInitials, .searchFields, .searchInstitution, .searchKeywords} AS document
