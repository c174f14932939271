// The talent spans of the pending batches $batches (ids), to fold into the cubes.
UNWIND $batches AS id
MATCH (s:TalentSpan {batch: id})
RETURN properties(s) AS span
