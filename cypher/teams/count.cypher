// How many teams match the filters of teams/list. Slot: /*FILTERS*/.
MATCH (t:Team)
WHERE true /*FILTERS*/
RETURN count(t) AS total
