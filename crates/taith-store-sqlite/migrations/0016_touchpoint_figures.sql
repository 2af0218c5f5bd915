-- The behaviour and support figures each touchpoint shows on the live map, SQLite flavour.
-- Keep it in step with crates/taith-store-postgres/migrations/0016_touchpoint_figures.sql:
-- same table, columns and key; only the id type differs (BLOB here, UUID there). Adds a
-- table; drops nothing.
--
-- No foreign key to touchpoints: a journey's save rewrites its touchpoint rows, and a
-- touchpoint moved to the trash and restored keeps its figures. Reads keep only the ids of
-- touchpoints that exist.
CREATE TABLE touchpoint_figures (
    workspace_id BLOB NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    touchpoint_id BLOB NOT NULL,
    -- JSON array of {"metric", "goal"?}, in the order shown; read and written whole.
    figures TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, touchpoint_id)
) STRICT;
