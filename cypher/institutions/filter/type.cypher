// Filter: of type $type.
i.type = $type
