// Filter: of kind $kind.
pl.kind = $kind
