// API keys (stored as hashes only) and the audit trail: unique keys, and the audit's time order.
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE;
CREATE CONSTRAINT api_key_hash IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.hash IS UNIQUE;
CREATE CONSTRAINT audit_entry_id IF NOT EXISTS FOR (a:AuditEntry) REQUIRE a.id IS UNIQUE;
CREATE INDEX audit_entry_at IF NOT EXISTS FOR (a:AuditEntry) ON (a.at);
CREATE INDEX team_status IF NOT EXISTS FOR (t:Team) ON (t.status);
CREATE INDEX team_name IF NOT EXISTS FOR (t:Team) ON (t.name);
CREATE INDEX platform_name IF NOT EXISTS FOR (p:Platform) ON (p.name);
CREATE INDEX visit_arrived_on IF NOT EXISTS FOR (v:Visit) ON (v.arrivedOn);
