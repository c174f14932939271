// Filter: the institution $id itself (an institution key sees its own record only).
i.id = $id
