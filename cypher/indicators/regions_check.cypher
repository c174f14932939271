// Which of the regions given exist, and which lie within the city (or are it). Parameters: $regions, $city.
UNWIND $regions AS code
OPTIONAL MATCH (r:Region {code: code})
RETURN code, r IS NOT NULL AS exists,
       r IS NOT NULL AND EXISTS { (r)-[:PART_OF*0..]->(:Region {code: $city}) } AS withinCity
