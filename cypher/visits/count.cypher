// How many visits match the filters of visits/list. Slot: /*FILTERS*/.
MATCH (v:Visit)
WHERE v.withdrawnOn IS NULL /*FILTERS*/
RETURN count(v) AS total
