// Filter: in one of the statuses $status (a list of submitted, approved, rejected, recognized).
t.status IN $status
