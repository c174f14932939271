// Up to $limit people still marked for a refresh by a bulk load that stopped before refreshing them.
MATCH (p:Person) WHERE p.refreshPending = true
RETURN p.id AS id
LIMIT $limit
