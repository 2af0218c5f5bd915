-- "We did" on a case root cause, SQLite flavour. Keep it in step with
-- crates/taith-store-postgres/migrations/0013_change_root_causes.sql.
--
-- SQLite cannot change a CHECK constraint in place, so `changes` and `change_notices` (which
-- refers to it) are rebuilt the documented way: new tables, every row copied, the old ones
-- dropped (notices first, so dropping `changes` cascades into nothing), the new ones renamed
-- (renaming rewrites change_notices' foreign key to the new name). No row is lost.

CREATE TABLE changes_new (
    workspace_id BLOB NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id BLOB NOT NULL,
    -- taith_domain::ChangeSource: what was acted on. No foreign key: the change is history and
    -- stays on the public page when its request, theme or root cause is later merged or
    -- deleted.
    source_kind TEXT NOT NULL CHECK (source_kind IN ('feature_request', 'theme', 'root_cause')),
    source_id BLOB NOT NULL,
    -- The request's title, theme's name or root cause's name when the change was recorded.
    source_title TEXT NOT NULL,
    -- JSON: {locale: text}, what customers read in the notice and on the public page.
    public_note TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    -- Serves change() and the pages of changes(ws), newest first.
    PRIMARY KEY (workspace_id, id)
) STRICT;

CREATE TABLE change_notices_new (
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
    FOREIGN KEY (workspace_id, change_id) REFERENCES changes_new (workspace_id, id)
        ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id)
        ON DELETE CASCADE
) STRICT;

INSERT INTO changes_new (workspace_id, id, source_kind, source_id, source_title, public_note,
                         created_by, created_at)
SELECT workspace_id, id, source_kind, source_id, source_title, public_note, created_by,
       created_at
FROM changes;

INSERT INTO change_notices_new (workspace_id, change_id, customer_id, locale, token,
                                created_at, claimed_until, sent_at)
SELECT workspace_id, change_id, customer_id, locale, token, created_at, claimed_until, sent_at
FROM change_notices;

DROP TABLE change_notices;
DROP TABLE changes;
ALTER TABLE changes_new RENAME TO changes;
ALTER TABLE change_notices_new RENAME TO change_notices;

-- The indexes of 0012, on the rebuilt table.
-- Serves notice_by_token / opt_out_of_notices (the opt-out link).
CREATE UNIQUE INDEX change_notices_by_token ON change_notices (token);
-- Serves notices_due (every workspace's unsent notices, oldest claim first).
CREATE INDEX change_notices_unsent ON change_notices (claimed_until) WHERE sent_at IS NULL;
-- Serves the invitation throttle (a notice sent to the customer since …) and the dashboard's
-- "received a notice" split.
CREATE INDEX change_notices_by_customer ON change_notices (workspace_id, customer_id, sent_at);

-- Serves change_audience of a root cause (the cases naming it).
CREATE INDEX cases_by_root_cause ON cases (workspace_id, root_cause_id);
