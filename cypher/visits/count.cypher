// How many visits match the filters of visits/list. Slot: /*FILTERS*/.
MATCH (v:Visit)
WHERE true /*FILTERS*/
RETURN count(v) AS total
