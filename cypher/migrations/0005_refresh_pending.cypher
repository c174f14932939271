// Bulk loads mark the people whose statistics and search documents they changed (`refreshPending`)
// in the batch's own transaction, and refresh them in a second one; a load that stops between the two
// leaves the mark, and the next load (or `talentgraph stats rebuild`) finishes the refresh. The index
// finds marked people without a scan: only nodes that have the property are in it.
CREATE INDEX person_refresh_pending IF NOT EXISTS FOR (p:Person) ON (p.refreshPending);
