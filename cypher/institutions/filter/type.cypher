// Filter: of one of the types $type (a list of codes).
i.type IN $type
