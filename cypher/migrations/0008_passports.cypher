// Foreign experts are identified by passport (passportHash: issuing country and number) apart from a Chinese
// identity number or permanent-residence card (idHash), so that one expert can carry both. Experts loaded from
// visits files before carried their passport's hash as idHash: those are the ForeignExpert nodes whose id the
// loader derived (loaders/writer.py `stable_id`: `person-` or `DEMO-person-` and 24 hex digits; the API gives
// UUIDs, and people files never make a foreign expert), and their hash moves to passportHash.
CREATE CONSTRAINT person_passport_hash IF NOT EXISTS FOR (p:Person) REQUIRE p.passportHash IS UNIQUE;
MATCH (p:ForeignExpert)
WHERE p.idHash IS NOT NULL AND p.passportHash IS NULL AND p.id =~ '(DEMO-)?person-[0-9a-f]{24}'
SET p.passportHash = p.idHash
REMOVE p.idHash;
