-- Support conversations and the customer lifecycle, PostgreSQL flavour. Keep it in step with
-- crates/taith-store-sqlite/migrations/0014_conversations.sql: same tables, columns, keys and
-- indexes; only the column types differ. Adds tables and columns; drops nothing.
--
-- As everywhere: workspace_id first in every primary key, times in unix microseconds (UTC).

-- A conversation from a help desk, an inbox or the API (taith_domain::Conversation).
CREATE TABLE conversations (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id UUID NOT NULL,
    -- The help desk's id: a second import or POST of it updates, never duplicates.
    external_id TEXT,
    channel TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'pending', 'snoozed', 'resolved')),
    subject TEXT NOT NULL,
    -- No foreign keys to the customer, member or touchpoint: a conversation is a record and
    -- outlives them.
    customer_id UUID,
    assignee_id UUID,
    agent TEXT,
    team TEXT,
    -- JSON array of strings.
    tags TEXT NOT NULL,
    satisfaction BIGINT,
    locale TEXT,
    touchpoint_id UUID,
    created_at BIGINT NOT NULL,
    first_reply_at BIGINT,
    resolved_at BIGINT,
    reopens BIGINT NOT NULL DEFAULT 0,
    updated_at BIGINT NOT NULL,
    -- Serves conversation(ws, id) and the cursor pages of conversations(ws).
    PRIMARY KEY (workspace_id, id)
);
-- The idempotency rule of imports and POSTs.
CREATE UNIQUE INDEX conversations_by_external_id ON conversations (workspace_id, external_id);
-- Serves the figures (conversations created in a period).
CREATE INDEX conversations_by_creation ON conversations (workspace_id, created_at);
-- Serves a customer's timeline.
CREATE INDEX conversations_by_customer ON conversations (workspace_id, customer_id);

CREATE TABLE conversation_messages (
    workspace_id UUID NOT NULL,
    conversation_id UUID NOT NULL,
    id UUID NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    author TEXT,
    author_id UUID,
    at BIGINT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (workspace_id, conversation_id, id),
    FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id)
        ON DELETE CASCADE
);

-- The customer lifecycle: the current subscription's start and end (NULL: still a customer),
-- and every change as it was recorded.
ALTER TABLE customers ADD COLUMN started_at BIGINT;
ALTER TABLE customers ADD COLUMN ended_at BIGINT;

CREATE TABLE customer_lifecycle (
    workspace_id UUID NOT NULL,
    customer_id UUID NOT NULL,
    id UUID NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('started', 'ended', 'renewed')),
    at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, customer_id, id),
    FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id)
        ON DELETE CASCADE
);
