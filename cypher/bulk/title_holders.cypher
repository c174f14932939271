// Who holds the given certificates already. $certificates: [certificateNo]. Returns certificateNo and the
// holder's identity hash, for the certificates that exist. The seek is forced (see bulk/resolve_institutions):
// a plan made while the Title index looked empty would scan it for every certificate.
UNWIND $certificates AS certificateNo
MATCH (p:Person)-[:HOLDS]->(t:Title {certificateNo: certificateNo}) USING INDEX SEEK t:Title(certificateNo)
RETURN certificateNo, p.idHash AS idHash
