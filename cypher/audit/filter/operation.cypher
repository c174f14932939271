// Filter: the operation (a mutation's name) is one of $operation (a list).
a.operation IN $operation
