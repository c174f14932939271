// Who holds the given certificates already. $certificates: [certificateNo]. Returns certificateNo and the
// holder's identity hash, for the certificates that exist.
UNWIND $certificates AS certificateNo
MATCH (p:Person)-[:HOLDS]->(:Title {certificateNo: certificateNo})
RETURN certificateNo, p.idHash AS idHash
