-- E-mail invitations and unsubscribing, SQLite flavour. Keep it in step with
-- crates/taith-store-postgres/migrations/0003_invitations.sql: same tables, columns, keys and
-- indexes; only the column types differ (ids BLOB here, UUID there; integers BIGINT there). Adds
-- a column and a table; drops nothing.

-- When the customer asked for no more e-mails from this workspace; NULL: they did not.
ALTER TABLE customers ADD COLUMN unsubscribed_at INTEGER;

CREATE TABLE invitations (
    workspace_id BLOB NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id BLOB NOT NULL,
    survey_id BLOB NOT NULL,
    customer_id BLOB NOT NULL,
    -- The secret in the invitation's links (/i/{token}, /u/{token}). Kept as it is, not
    -- hashed like session and API tokens: the reminder repeats the same links. Whoever holds
    -- it can answer one survey once as this customer and unsubscribe them, nothing more.
    -- Unique, global: serves invitation_by_token (a link names no workspace).
    token TEXT NOT NULL UNIQUE,
    -- The e-mail's and the survey page's language.
    locale TEXT NOT NULL,
    reminder_days INTEGER NOT NULL CHECK (reminder_days >= 0),
    created_at INTEGER NOT NULL,
    -- NULL while the invitation waits in the outbox.
    sent_at INTEGER,
    reminded_at INTEGER,
    -- Serves mark_mailed.
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, survey_id) REFERENCES surveys (workspace_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id)
        ON DELETE CASCADE
) STRICT;

-- Serves throttling (has this customer been invited to this survey lately?), invitation_counts
-- and the survey foreign key's cascade.
CREATE INDEX invitations_by_survey ON invitations (workspace_id, survey_id, customer_id, created_at);
-- Serves mail_due: the outbox, oldest first.
CREATE INDEX invitations_unsent ON invitations (created_at) WHERE sent_at IS NULL;
-- Serves mail_due: reminders still to send, by when the invitation went out.
CREATE INDEX invitations_to_remind ON invitations (sent_at)
    WHERE reminded_at IS NULL AND reminder_days > 0 AND sent_at IS NOT NULL;
-- Serves the customer foreign key's cascade.
CREATE INDEX invitations_by_customer ON invitations (workspace_id, customer_id);
