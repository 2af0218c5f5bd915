-- "You said, we did", SQLite flavour. Keep it in step with
-- crates/taith-store-postgres/migrations/0012_changes.sql: same tables, columns, keys and
-- indexes; only the column types differ (ids BLOB here, UUID there).
--
-- As everywhere: workspace_id first in every primary key, composite tenant foreign keys, times
-- in unix microseconds (UTC), STRICT tables.

-- The customer opted out of "we did" notices (from a notice's own link). Unsubscribing from
-- the workspace's e-mails (unsubscribed_at) stops notices too.
ALTER TABLE customers ADD COLUMN notices_opted_out_at INTEGER;

CREATE TABLE changes (
    workspace_id BLOB NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id BLOB NOT NULL,
    -- taith_domain::ChangeSource: what was acted on. No foreign key: the change is history and
    -- stays on the public page when its request or theme is later merged or deleted.
    source_kind TEXT NOT NULL CHECK (source_kind IN ('feature_request', 'theme', 'root_cause')),
    source_id BLOB NOT NULL,
    -- The request's title or theme's name when the change was recorded.
    source_title TEXT NOT NULL,
    -- JSON: {locale: text}, what customers read in the notice and on the public page.
    public_note TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    -- Serves change() and the pages of changes(ws), newest first.
    PRIMARY KEY (workspace_id, id)
) STRICT;

CREATE TABLE change_notices (
    workspace_id BLOB NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    change_id BLOB NOT NULL,
    customer_id BLOB NOT NULL,
    -- The language the notice is written in.
    locale TEXT NOT NULL,
    -- The secret of the notice's opt-out link.
    token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    -- A worker holds the notice until then (claim_notice); 0: nobody.
    claimed_until INTEGER NOT NULL DEFAULT 0,
    -- When the SMTP server took it; NULL: not yet.
    sent_at INTEGER,
    -- One notice per change and customer, whatever the retries and nodes; serves the counts
    -- of a change.
    PRIMARY KEY (workspace_id, change_id, customer_id),
    FOREIGN KEY (workspace_id, change_id) REFERENCES changes (workspace_id, id)
        ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id)
        ON DELETE CASCADE
) STRICT;

-- Serves notice_by_token / opt_out_of_notices (the opt-out link).
CREATE UNIQUE INDEX change_notices_by_token ON change_notices (token);
-- Serves notices_due (every workspace's unsent notices, oldest claim first).
CREATE INDEX change_notices_unsent ON change_notices (claimed_until) WHERE sent_at IS NULL;
-- Serves the invitation throttle (a notice sent to the customer since …) and the dashboard's
-- "received a notice" split.
CREATE INDEX change_notices_by_customer ON change_notices (workspace_id, customer_id, sent_at);

-- Serves change_audience of a root cause (the cases naming it).
CREATE INDEX cases_by_root_cause ON cases (workspace_id, root_cause_id);
