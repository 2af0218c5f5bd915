-- The log of deleted responses, SQLite flavour. Keep it in step with
-- crates/taith-store-postgres/migrations/0004_response_deletions.sql: same table, columns, keys
-- and index; only the column types and the clock expression differ. Adds a table; drops
-- nothing.
--
-- delete_response writes a row here in the transaction that deletes the response, so that
-- whoever tails this store learns of the deletion (response_deletions_since) and stops
-- counting the response, as it learns of new responses by tailing their ids.

CREATE TABLE response_deletions (
    workspace_id BLOB NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    -- No foreign key: the response is gone.
    response_id BLOB NOT NULL,
    -- When it was deleted, unix microseconds (UTC), by the database's clock as on PostgreSQL
    -- (here the one machine's; SQLite's clock has millisecond resolution). Deleted again (the
    -- same id stored again): the later time.
    deleted_at INTEGER NOT NULL DEFAULT (CAST(unixepoch('subsec') * 1000000 AS INTEGER)),
    -- One row per deleted response; serves the upsert of delete_response.
    PRIMARY KEY (workspace_id, response_id)
) STRICT;

-- Serves response_deletions_since: a workspace's deletions from a time on.
CREATE INDEX response_deletions_by_time ON response_deletions (workspace_id, deleted_at);
