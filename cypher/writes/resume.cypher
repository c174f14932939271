// End a pause of writes. $id: the pause's id.
MATCH (p:WritePause {id: $id})
DELETE p
