// Filter: one of the institutions $id (a list of ids; an institution key sees its own record only).
i.id IN $id
