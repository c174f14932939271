// Wait until every index is online (after creating them), up to $seconds.
CALL db.awaitIndexes($seconds)
