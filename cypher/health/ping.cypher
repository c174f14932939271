// Liveness of the database: one trivial read.
RETURN 1 AS ok
