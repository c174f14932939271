// Remove what `migrate` wrote (reference data, migration records) before a restore writes the backup's own.
// $owned: those labels.
MATCH (n)
WHERE any(label IN labels(n) WHERE label IN $owned)
DETACH DELETE n
