// Filter: made with a key of role $role.
a.role = $role
