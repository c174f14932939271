// Filter: arrived on or before $arrivedTo (date).
v.arrivedOn <= $arrivedTo
