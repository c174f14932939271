// How many teams match the filters of teams/list. Slot: /*FILTERS*/.
MATCH (t:Team)
WHERE t.withdrawnOn IS NULL /*FILTERS*/
RETURN count(t) AS total
