// Filter: made with a key of one of the roles $role (a list).
a.role IN $role
