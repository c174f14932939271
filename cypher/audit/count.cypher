// How many audit entries match the filters of audit/list. Slot: /*FILTERS*/.
MATCH (a:AuditEntry)
WHERE true /*FILTERS*/
RETURN count(a) AS total
