-- The contact budget and consent (taith_domain::contact), sqlite flavour. Keep it in step with
-- crates/taith-store-postgres/migrations/0025_contact.sql: same tables, columns, keys and
-- indexes; only the types differ (ids BLOB here, UUID there; integers INTEGER here, BIGINT there; bools INTEGER 0/1 here, BOOLEAN there).
-- Adds tables, two invitation columns and an index; moves the unsubscribe data into consents
-- and keeps the customers' columns (the send queries' filters); drops nothing.

-- A workspace's budget; no row: the default (2 asks in 30 days, 14 quiet days, notices free).
CREATE TABLE contact_policies (
    workspace_id BLOB NOT NULL PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
    max_asks INTEGER NOT NULL CHECK (max_asks BETWEEN 1 AND 50),
    window_days INTEGER NOT NULL CHECK (window_days BETWEEN 1 AND 365),
    quiet_days INTEGER NOT NULL CHECK (quiet_days BETWEEN 0 AND 365),
    count_notices INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

-- Every ask of a customer on any channel, recorded when it was sent or shown.
CREATE TABLE contact_asks (
    workspace_id BLOB NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id BLOB NOT NULL,
    customer_id BLOB NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('invitation', 'reminder', 'widget', 'notice')),
    -- The survey asked about (none for a notice).
    survey_id BLOB,
    asked_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id)
        ON DELETE CASCADE
) STRICT;
-- Serves the budget's window per customer and the customer foreign key's cascade.
CREATE INDEX contact_asks_by_customer ON contact_asks (workspace_id, customer_id, asked_at);

-- A customer's latest say per purpose, with where it came from and when. No row: granted.
CREATE TABLE consents (
    workspace_id BLOB NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    customer_id BLOB NOT NULL,
    purpose TEXT NOT NULL CHECK (purpose IN ('surveys', 'notices')),
    granted INTEGER NOT NULL,
    source TEXT NOT NULL
        CHECK (source IN ('unsubscribe_link', 'preference_page', 'api', 'import')),
    changed_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, customer_id, purpose),
    FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id)
        ON DELETE CASCADE
) STRICT;

-- Unsubscribing from the workspace's e-mails stopped invitations and notices: both purposes
-- withdrawn, from the unsubscribe link, at that time. A notice's own opt-out withdrew notices.
INSERT INTO consents (workspace_id, customer_id, purpose, granted, source, changed_at)
SELECT workspace_id, id, 'surveys', 0, 'unsubscribe_link', unsubscribed_at
FROM customers WHERE unsubscribed_at IS NOT NULL;
INSERT INTO consents (workspace_id, customer_id, purpose, granted, source, changed_at)
SELECT workspace_id, id, 'notices', 0, 'unsubscribe_link',
       COALESCE(notices_opted_out_at, unsubscribed_at)
FROM customers WHERE notices_opted_out_at IS NOT NULL OR unsubscribed_at IS NOT NULL;
-- From now on notices read only notices_opted_out_at: carry the unsubscribes over.
UPDATE customers SET notices_opted_out_at = unsubscribed_at
WHERE notices_opted_out_at IS NULL AND unsubscribed_at IS NOT NULL;

-- An invitation's e-mail the contact budget held back: when, and why ('no_consent', 'budget',
-- 'quiet'). The outbox sends nothing more for it (neither the first e-mail nor the reminder).
ALTER TABLE invitations ADD COLUMN skipped_at INTEGER;
ALTER TABLE invitations ADD COLUMN skip_reason TEXT
    CHECK (skip_reason IN ('no_consent', 'budget', 'quiet'));

-- Serves the quiet period: a customer's latest response to any survey.
CREATE INDEX responses_by_customer_time ON responses (workspace_id, customer_id, submitted_at);
