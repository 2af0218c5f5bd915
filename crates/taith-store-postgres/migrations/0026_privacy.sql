-- Data retention (taith_domain::DataRetention), postgres flavour. Keep it in step with
-- crates/taith-store-sqlite/migrations/0026_privacy.sql: same columns and indexes; only the
-- types differ. Adds a column and two indexes; drops nothing.

-- How many months responses, events and conversations are kept (1 to 120); NULL: for good.
ALTER TABLE governance_settings ADD COLUMN data_months BIGINT;

-- Serve the retention run: a workspace's events by when they happened, its conversations by
-- their last activity.
CREATE INDEX events_by_time ON events (workspace_id, occurred_at);
CREATE INDEX conversations_by_update ON conversations (workspace_id, updated_at);
