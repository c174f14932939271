// Drop the restore's index once every relationship is written.
DROP INDEX talentgraph_restore_id IF EXISTS
