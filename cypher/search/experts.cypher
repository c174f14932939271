// One page of experts matching a Lucene query on the person_search index, ranked by relevance
// (score), then title level, then recent activity, then id; keyset-paged after a cursor.
// Only the best $window hits by (score, level) are ranked further, and activity is counted only for
// those at or above the (score, level) of the $limit-th hit below the cursor's (score, level).
// `truncated` says the window was too small to be sure of the page (its last hit ties with that
// one): graph/search.py then runs it again with a window that takes every hit.
// Slots: /*ACTIVITY*/ (search/activity), /*PERSON*/ (people/projection).
// Parameters: $query (built by graph/search.py: text clauses and required filter clauses),
// $after (null, or the last row's {score, level, activity, id}), $limit (page size + 1),
// $window, $since (date). Returns one row with nulls but `truncated` when nothing is found or
// when the window was too small.
CALL db.index.fulltext.queryNodes('person_search', $query) YIELD node AS p, score
WITH p, score, coalesce(p.levelRank, 0) AS level
// A withdrawn person (graph/records.py) is found by no search.
WHERE p.withdrawnOn IS NULL AND ($after IS NULL OR score < $after.score OR (score = $after.score AND level <= $after.level))
WITH p, score, level
ORDER BY score DESC, level DESC
LIMIT $window
WITH collect({p: p, score: score, level: level}) AS hits
WITH hits, [h IN hits WHERE $after IS NULL OR h.score < $after.score OR h.level < $after.level][$limit - 1] AS last
WITH hits, last, size(hits) = $window
       AND (last IS NULL OR (hits[-1].score = last.score AND hits[-1].level = last.level)) AS truncated
OPTIONAL CALL (hits, last, truncated) {
  WITH hits, last WHERE NOT truncated
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
}
RETURN truncated, score, level, activity, person, document
