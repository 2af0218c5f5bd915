-- Social mentions posted for listening (taith_domain::Mention), sqlite flavour. Keep it in
-- step with crates/taith-store-postgres/migrations/0021_mentions.sql: same table, columns,
-- keys and indexes; only the types differ (BLOB here, UUID there; INTEGER here, BIGINT there). Adds a table; drops nothing.
CREATE TABLE mentions (
    workspace_id BLOB NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id BLOB NOT NULL,
    source TEXT NOT NULL,
    -- The source's id of the post; NULL when the connector has none (then never deduplicated).
    external_id TEXT,
    url TEXT,
    author TEXT,
    body TEXT NOT NULL,
    -- A language code of the six or 'other', found in the text.
    language TEXT NOT NULL,
    sentiment TEXT CHECK (sentiment IN ('negative', 'neutral', 'positive')),
    posted_at INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, id)
) STRICT;
-- A second POST of the same post is not counted twice.
CREATE UNIQUE INDEX mentions_by_external_id ON mentions (workspace_id, source, external_id);
-- Serves the figures and the latest mentions of a period.
CREATE INDEX mentions_by_time ON mentions (workspace_id, posted_at);
