-- E-mail conversations (inbound mail, threading, replies sent by e-mail), SQLite flavour. Keep
-- it in step with crates/taith-store-postgres/migrations/0019_mail_in.sql: same tables,
-- columns, keys and indexes; only the column types differ. Adds tables and columns; drops
-- nothing.
--
-- As everywhere: workspace_id first in every primary key, times in unix microseconds (UTC).

-- Each workspace's inbound settings: the secret that signs mail posted to
-- /api/v1/inbound/email/{slug}, and an optional address of its own (`support@becws.example`,
-- lower-cased) that the SMTP receiver also routes to it.
CREATE TABLE mail_in_settings (
    workspace_id BLOB NOT NULL PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
    secret TEXT NOT NULL,
    address TEXT,
    updated_at INTEGER NOT NULL
) STRICT;
-- One workspace per address: the SMTP receiver's routing rule.
CREATE UNIQUE INDEX mail_in_settings_by_address ON mail_in_settings (address);

-- Every e-mail of a conversation by its RFC 5322 Message-ID (angle brackets stripped), in and
-- out: an incoming mail's In-Reply-To or References names one of these, in the same workspace,
-- to join its conversation. No foreign key to the message: a record of what was mailed.
CREATE TABLE mail_messages (
    workspace_id BLOB NOT NULL,
    rfc_message_id TEXT NOT NULL,
    conversation_id BLOB NOT NULL,
    message_id BLOB NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    -- The sender's address (in) or the customer's (out).
    address TEXT NOT NULL,
    -- Why nothing may ever answer this mail automatically (auto_submitted, bulk, bounce,
    -- own_address…); NULL for a person's mail.
    no_reply TEXT,
    at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, rfc_message_id),
    FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, id)
        ON DELETE CASCADE
) STRICT;
-- Serves a conversation's thread (References of a reply) and its last incoming mail.
CREATE INDEX mail_messages_by_conversation ON mail_messages (workspace_id, conversation_id, at);

-- An incoming mail's attachments: each named with its type and size; the content is kept only
-- within the caps (content NULL: too large, not kept).
CREATE TABLE mail_attachments (
    workspace_id BLOB NOT NULL,
    rfc_message_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB,
    PRIMARY KEY (workspace_id, rfc_message_id, position),
    FOREIGN KEY (workspace_id, rfc_message_id) REFERENCES mail_messages (workspace_id, rfc_message_id)
        ON DELETE CASCADE
) STRICT;

-- Replies to be sent by e-mail: NULL for history and for messages not sent by taith,
-- 'pending' until the SMTP server took it ('sent'), 'failed' after too many attempts.
-- mail_claimed_until is a node's lease on a pending reply while it sends it.
ALTER TABLE conversation_messages ADD COLUMN send_state TEXT
    CHECK (send_state IN ('pending', 'sent', 'failed'));
ALTER TABLE conversation_messages ADD COLUMN mail_claimed_until INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversation_messages ADD COLUMN mail_attempts INTEGER NOT NULL DEFAULT 0;
-- Serves the reply mailer's claim: pending replies, oldest first.
CREATE INDEX conversation_messages_to_send ON conversation_messages (send_state, at);
