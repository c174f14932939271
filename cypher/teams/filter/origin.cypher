// Filter: of origin $origin (INTRODUCED, CULTIVATED).
t.origin = $origin
