// Remove up to 20,000 people, titles and what derives from them (statistics, audit entries); run
// until it returns 0. Institutions stay. Used only by the benchmarks, never by the product.
MATCH (n) WHERE n:Person OR n:Title OR n:TalentSpan OR n:TalentCell
  OR n:TalentTally OR n:PendingBatch OR n:AuditEntry
WITH n LIMIT 20000
DETACH DELETE n
RETURN count(*) AS n
