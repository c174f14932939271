// Filter: the name contains $name.
pl.name CONTAINS $name
