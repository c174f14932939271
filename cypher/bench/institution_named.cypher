// The id of the institution named $name (bench/upload.py). Returns id.
MATCH (i:Institution {name: $name}) RETURN i.id AS id LIMIT 1
