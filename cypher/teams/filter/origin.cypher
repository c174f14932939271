// Filter: of one of the origins $origin (a list of INTRODUCED, CULTIVATED).
t.origin IN $origin
