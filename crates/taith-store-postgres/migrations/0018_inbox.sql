-- The inbox, PostgreSQL flavour. Keep it in step with
-- crates/taith-store-sqlite/migrations/0018_inbox.sql: same tables, columns, keys and indexes;
-- only the column types differ. Adds tables and columns; drops nothing.
--
-- As everywhere: workspace_id first in every primary key, times in unix microseconds (UTC).

-- How urgent a conversation is (taith_domain::Priority), and when its snooze ends (status
-- 'snoozed'; a passed time reads as open, and the inbox worker writes it back).
ALTER TABLE conversations ADD COLUMN priority TEXT NOT NULL DEFAULT 'normal'
    CHECK (priority IN ('low', 'normal', 'high', 'urgent'));
ALTER TABLE conversations ADD COLUMN snoozed_until BIGINT;
-- Serves the inbox worker's wake-up of passed snoozes.
CREATE INDEX conversations_by_snooze ON conversations (snoozed_until)
    WHERE status = 'snoozed';

-- Private notes: for members only, never shown or sent to the customer.
CREATE TABLE conversation_notes (
    workspace_id UUID NOT NULL,
    conversation_id UUID NOT NULL,
    id UUID NOT NULL,
    -- No foreign key to the member: a note outlives its author; author keeps the name.
    author_id UUID,
    author TEXT NOT NULL,
    at BIGINT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (workspace_id, conversation_id, id),
    FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id)
        ON DELETE CASCADE
);

-- Ready answers with one body per locale (NULL: not written in that locale).
CREATE TABLE canned_replies (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id UUID NOT NULL,
    title TEXT NOT NULL,
    shortcut TEXT,
    body_en TEXT,
    body_cy TEXT,
    body_ms TEXT,
    body_sw TEXT,
    body_ar TEXT,
    body_vi TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
-- A shortcut names one canned reply in a workspace.
CREATE UNIQUE INDEX canned_replies_by_shortcut ON canned_replies (workspace_id, shortcut);
