// The version of the demo data set loaded into this database, if any (written by demo/mark).
// Parameters: $id (the marker's id). Returns version and the counts recorded with it.
MATCH (d:DemoData {id: $id})
RETURN d.version AS version, d.counts AS counts
