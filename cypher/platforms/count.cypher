// How many platforms match the filters of platforms/list. Slot: /*FILTERS*/.
MATCH (pl:Platform)
WHERE pl.withdrawnOn IS NULL /*FILTERS*/
RETURN count(pl) AS total
