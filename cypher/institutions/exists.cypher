// Whether the institution $id exists. Parameters: $id.
RETURN EXISTS { (:Institution {id: $id}) } AS exists
