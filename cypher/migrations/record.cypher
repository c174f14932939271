// Record that a migration was applied. $name: the migration's file name; $checksum: sha256 of its text.
MERGE (m:Migration {name: $name})
ON CREATE SET m.appliedAt = datetime(), m.checksum = $checksum
