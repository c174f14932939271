// Filter: the name contains $name.
i.name CONTAINS $name
