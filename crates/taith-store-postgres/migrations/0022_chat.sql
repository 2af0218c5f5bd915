-- Visitors' web chats (taith_domain::ChatSession), postgres flavour. Keep it in step with
-- crates/taith-store-sqlite/migrations/0022_chat.sql: same table, columns, keys and indexes; only
-- the types differ (UUID here, BLOB there; BIGINT here, INTEGER there). Adds a table; drops nothing.
CREATE TABLE chat_sessions (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id UUID NOT NULL,
    -- SHA-256 (hex) of the visitor's token: the token itself is never stored.
    token_hash TEXT NOT NULL,
    -- The support conversation the chat is; NULL only before the first message is stored.
    conversation_id UUID,
    locale TEXT NOT NULL,
    -- Where replies also go by e-mail, once the visitor left an address.
    email TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX chat_sessions_by_token ON chat_sessions (workspace_id, token_hash);
CREATE INDEX chat_sessions_by_conversation ON chat_sessions (workspace_id, conversation_id);
