// Record that the demo data set of $version has been loaded completely, with what it holds.
// Parameters: $id (the marker's id), $version (a digest of the demo's files), $counts (rows per file,
// as a list of strings "kind:rows").
MERGE (d:DemoData {id: $id})
SET d.version = $version, d.counts = $counts, d.loadedAt = datetime()
