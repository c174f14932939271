"""Who the caller is: the key's role and, for an institution key, its institution."""
