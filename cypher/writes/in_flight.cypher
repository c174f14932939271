// Talent Graph's write transactions (tagged with $metadata's app and work, graph/database.py) that started
// at or before $since, still open: those that may have passed the gate before a pause began.
SHOW TRANSACTIONS
YIELD transactionId, metaData, startTime
WHERE metaData.app = $metadata.app AND metaData.work = $metadata.work AND datetime(startTime) <= $since
RETURN count(*) AS open
