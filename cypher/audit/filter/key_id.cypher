// Filter: made with one of the keys $keyId (a list).
a.keyId IN $keyId
