// How many institutions match the filters of institutions/list. Slot: /*FILTERS*/.
MATCH (i:Institution)
WHERE true /*FILTERS*/
RETURN count(i) AS total
