// Filter: of one of the kinds $kind (a list of codes).
pl.kind IN $kind
