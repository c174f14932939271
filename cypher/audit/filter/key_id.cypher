// Filter: made with the key $keyId.
a.keyId = $keyId
