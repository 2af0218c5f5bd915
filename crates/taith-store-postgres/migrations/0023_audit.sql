-- The audit log (taith_domain::AuditEntry) and the workspace's governance settings, postgres
-- flavour. Keep it in step with crates/taith-store-sqlite/migrations/0023_audit.sql: same
-- tables, columns, keys and indexes; only the types and the trigger's syntax differ. Adds
-- tables; drops nothing.
CREATE TABLE audit_log (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id UUID NOT NULL,
    at BIGINT NOT NULL,
    -- member | token | cli | system
    actor_kind TEXT NOT NULL,
    actor_id TEXT,
    actor_label TEXT NOT NULL,
    address TEXT,
    method TEXT NOT NULL,
    -- The route acted on (`/w/{slug}/members/{id}/role`) and the address (ids, no query).
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    status BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX audit_log_by_time ON audit_log (workspace_id, at);
-- Append-only: history cannot be rewritten, whatever the code asks.
CREATE FUNCTION audit_log_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_update();
CREATE TABLE governance_settings (
    workspace_id UUID PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
    -- How many months the audit log is kept (1 to 120).
    audit_months BIGINT NOT NULL
);
