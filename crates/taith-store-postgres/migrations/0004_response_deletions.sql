-- The log of deleted responses, PostgreSQL flavour. Keep it in step with
-- crates/taith-store-sqlite/migrations/0004_response_deletions.sql: same table, columns, keys
-- and index; only the column types and the clock expression differ. Adds a table; drops
-- nothing.
--
-- delete_response writes a row here in the transaction that deletes the response, so that
-- every node sharing this store learns of the deletion (response_deletions_since) and stops
-- counting the response, as it learns of new responses by tailing their ids.

CREATE TABLE response_deletions (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    -- No foreign key: the response is gone.
    response_id UUID NOT NULL,
    -- When it was deleted, unix microseconds (UTC), by the database's clock, not the deleting
    -- node's: one clock for every node, so a tailer's overlap window need not cover the skew
    -- between nodes' clocks. clock_timestamp(), not now(): as close to the commit as a
    -- statement can get. Deleted again (the same id stored again): the later time.
    deleted_at BIGINT NOT NULL
        DEFAULT (EXTRACT(EPOCH FROM clock_timestamp()) * 1000000)::BIGINT,
    -- One row per deleted response; serves the upsert of delete_response.
    PRIMARY KEY (workspace_id, response_id)
);

-- Serves response_deletions_since: a workspace's deletions from a time on.
CREATE INDEX response_deletions_by_time ON response_deletions (workspace_id, deleted_at);
