// Filter: arrived on or after $arrivedFrom (date).
v.arrivedOn >= $arrivedFrom
