// How many people match the filters of people/list. Slot: /*FILTERS*/. Parameters: the filters'.
MATCH (p:Person)
WHERE p.withdrawnOn IS NULL /*FILTERS*/
RETURN count(p) AS total
