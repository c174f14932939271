// The names of the migrations already applied.
MATCH (m:Migration) RETURN m.name AS name
