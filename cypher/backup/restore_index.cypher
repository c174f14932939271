// The index by which a restore finds the nodes it wrote by their id in the backup (dropped afterwards).
CREATE INDEX talentgraph_restore_id IF NOT EXISTS FOR (n:_Restoring) ON (n._restoreId)
