// Which of the identity hashes $hashes a Person has already (loaders/load.py marks the others' rows new).
// One row, `idHashes` (see bulk/title_holders). The seek is forced (see bulk/resolve_institutions).
UNWIND $hashes AS hash
MATCH (p:Person {idHash: hash}) USING INDEX SEEK p:Person(idHash)
RETURN collect(hash) AS idHashes
