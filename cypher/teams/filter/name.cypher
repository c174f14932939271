// Filter: the name contains $name.
t.name CONTAINS $name
