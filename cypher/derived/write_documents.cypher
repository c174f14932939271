// Write people's search documents, as graph/derivation.py derived them. $documents: [{id (a person id),
// document (pinyinCompact, pinyinInitials, searchFields, searchInstitution, searchKeywords, searchRegions,
// searchFieldCodes, searchLevel, levelRank)}]. Returns how many people were written.
UNWIND $documents AS row
MATCH (p:Person {id: row.id})
SET p += row.document
RETURN count(p) AS written
