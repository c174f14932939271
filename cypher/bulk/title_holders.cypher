// Who holds the given certificates already. $certificates: [certificateNo]. Returns one row: `holders`, a
// [certificateNo, holder's identity hash] pair for each certificate that exists. One row, not one per
// certificate: re-running a file asks this of every row, and the driver takes about 30 µs a record to
// receive (200,000 records: 6 s of the loader's CPU) but under 1 µs an item of one record's list.
// The seek is forced (see bulk/resolve_institutions): a plan made while the Title index looked empty would
// scan it for every certificate.
UNWIND $certificates AS certificateNo
MATCH (p:Person)-[:HOLDS]->(t:Title {certificateNo: certificateNo}) USING INDEX SEEK t:Title(certificateNo)
RETURN collect([certificateNo, p.idHash]) AS holders
