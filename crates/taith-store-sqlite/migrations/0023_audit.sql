-- The audit log (taith_domain::AuditEntry) and the workspace's governance settings, sqlite
-- flavour. Keep it in step with crates/taith-store-postgres/migrations/0023_audit.sql: same
-- tables, columns, keys and indexes; only the types and the trigger's syntax differ. Adds
-- tables; drops nothing.
CREATE TABLE audit_log (
    workspace_id BLOB NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id BLOB NOT NULL,
    at INTEGER NOT NULL,
    -- member | token | cli | system
    actor_kind TEXT NOT NULL,
    actor_id TEXT,
    actor_label TEXT NOT NULL,
    address TEXT,
    method TEXT NOT NULL,
    -- The route acted on (`/w/{slug}/members/{id}/role`) and the address (ids, no query).
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    status INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, id)
) STRICT;
CREATE INDEX audit_log_by_time ON audit_log (workspace_id, at);
-- Append-only: history cannot be rewritten, whatever the code asks.
CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TABLE governance_settings (
    workspace_id BLOB PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
    -- How many months the audit log is kept (1 to 120).
    audit_months INTEGER NOT NULL
) STRICT;
