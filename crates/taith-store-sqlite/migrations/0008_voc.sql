-- Voice of the customer, SQLite flavour. Keep it in step with
-- crates/taith-store-postgres/migrations/0008_voc.sql: same tables, columns, keys, indexes and
-- triggers; only the column types, the clock expression and the trigger syntax differ. Adds
-- tables and triggers; drops nothing.

-- Responses whose written text (comment or open-text follow-up answer) has not been analysed
-- since it was last written. Filled by the triggers below in the transaction that writes the
-- response — whichever node, whichever path (form, widget, API, import) — so the analyser
-- (taith-app's voc worker, on any node) misses none. A response written again while queued
-- gets a new queued_at, and the analyser only removes the entry it read.
CREATE TABLE voc_pending (
    workspace_id BLOB NOT NULL,
    response_id BLOB NOT NULL,
    queued_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, response_id),
    FOREIGN KEY (workspace_id, response_id) REFERENCES responses (workspace_id, id)
        ON DELETE CASCADE
);
-- Serves voc_pending(): the oldest entries first, across workspaces.
CREATE INDEX voc_pending_by_time ON voc_pending (queued_at);

CREATE TRIGGER voc_queue_new_response AFTER INSERT ON responses
WHEN NEW.comment <> '' OR NEW.answers LIKE '%"type":"text"%'
BEGIN
    INSERT OR REPLACE INTO voc_pending (workspace_id, response_id, queued_at)
    VALUES (NEW.workspace_id, NEW.id, CAST(unixepoch('subsec') * 1000000 AS INTEGER));
END;

CREATE TRIGGER voc_queue_changed_response AFTER UPDATE OF comment, answers ON responses
WHEN NEW.comment <> '' OR NEW.answers LIKE '%"type":"text"%'
BEGIN
    INSERT OR REPLACE INTO voc_pending (workspace_id, response_id, queued_at)
    VALUES (NEW.workspace_id, NEW.id, CAST(unixepoch('subsec') * 1000000 AS INTEGER));
END;

-- What the text analytics found in a response's written text.
CREATE TABLE voc_comments (
    workspace_id BLOB NOT NULL,
    response_id BLOB NOT NULL,
    -- en, cy, ms, sw, ar, vi or other.
    language TEXT NOT NULL,
    language_confidence REAL NOT NULL,
    -- negative, neutral, positive; NULL: not enough text to say.
    sentiment TEXT,
    sentiment_confidence REAL,
    -- JSON: the key phrases, normalised.
    phrases TEXT NOT NULL,
    -- The written text normalised (case folded, controls stripped): what search matches.
    search_text TEXT NOT NULL,
    analysed_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, response_id),
    FOREIGN KEY (workspace_id, response_id) REFERENCES responses (workspace_id, id)
        ON DELETE CASCADE
);

-- A workspace's themes: found by discovery or made by staff, renamed, merged, split, pinned.
CREATE TABLE voc_themes (
    workspace_id BLOB NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id BLOB NOT NULL,
    name TEXT NOT NULL,
    -- JSON: the normalised phrases (any language) a comment mentions the theme by.
    phrases TEXT NOT NULL,
    -- found (by discovery) or staff.
    origin TEXT NOT NULL,
    pinned INTEGER NOT NULL DEFAULT 0,
    -- Dismissed by staff: kept so that discovery does not bring it back.
    hidden INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
-- One name per theme in a workspace (two nodes discovering the same theme at once make it
-- once).
CREATE UNIQUE INDEX voc_themes_by_name ON voc_themes (workspace_id, name);

-- Which themes each analysed comment mentions.
CREATE TABLE voc_comment_themes (
    workspace_id BLOB NOT NULL,
    theme_id BLOB NOT NULL,
    response_id BLOB NOT NULL,
    PRIMARY KEY (workspace_id, theme_id, response_id),
    FOREIGN KEY (workspace_id, theme_id) REFERENCES voc_themes (workspace_id, id)
        ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, response_id) REFERENCES voc_comments (workspace_id, response_id)
        ON DELETE CASCADE
);
-- Serves replacing a comment's themes and the explorer's theme column.
CREATE INDEX voc_comment_themes_by_response ON voc_comment_themes (workspace_id, response_id);

-- Each workspace's sentiment model per language, learned from its own scored comments.
CREATE TABLE voc_models (
    workspace_id BLOB NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    model BLOB NOT NULL,
    -- How many labelled comments it learned from, and the last one's response id (it learns
    -- from the next ones on).
    trained_on INTEGER NOT NULL,
    trained_through BLOB,
    -- Bumped by every save: two nodes training at once cannot both win.
    version INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, language)
);

-- Everything written so far waits for its first analysis.
INSERT INTO voc_pending (workspace_id, response_id, queued_at)
SELECT workspace_id, id, created_at FROM responses
WHERE comment <> '' OR answers LIKE '%"type":"text"%';
