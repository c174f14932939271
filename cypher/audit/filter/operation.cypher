// Filter: the operation (a mutation's name) is $operation.
a.operation = $operation
