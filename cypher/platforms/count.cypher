// How many platforms match the filters of platforms/list. Slot: /*FILTERS*/.
MATCH (pl:Platform)
WHERE true /*FILTERS*/
RETURN count(pl) AS total
