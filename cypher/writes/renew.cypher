// Keep a pause of writes from expiring. $id: the pause's id; $lease: seconds from now.
MATCH (p:WritePause {id: $id})
SET p.expires = datetime() + duration({seconds: $lease})
RETURN p.id AS id
