// Filter: in status $status (submitted, approved, rejected, recognized).
t.status = $status
