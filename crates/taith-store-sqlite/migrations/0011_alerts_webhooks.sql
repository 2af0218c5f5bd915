-- Alerts and webhooks, SQLite flavour. Keep it in step with
-- crates/taith-store-postgres/migrations/0011_alerts_webhooks.sql: same tables, columns, keys,
-- indexes and triggers; only the column types, the clock expression and the trigger syntax
-- differ. Adds tables and triggers; drops nothing.
--
-- As everywhere: workspace_id first in every primary key, composite tenant foreign keys, times
-- in unix microseconds (UTC).

CREATE TABLE alert_rules (
    workspace_id BLOB NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id BLOB NOT NULL,
    name TEXT NOT NULL,
    -- JSON: taith_domain::AlertRuleFields without the name (metric, condition, scope, period,
    -- sample, recipients, enabled): read and written whole, never queried by its parts.
    settings TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    -- What the last evaluation saw.
    last_value REAL,
    last_evaluated_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    -- Serves alert_rule(), the updates and alert_rules(ws) in id order.
    PRIMARY KEY (workspace_id, id)
) STRICT;

CREATE TABLE alert_firings (
    workspace_id BLOB NOT NULL,
    id BLOB NOT NULL,
    rule_id BLOB NOT NULL,
    fired_at INTEGER NOT NULL,
    cleared_at INTEGER,
    value REAL,
    previous REAL,
    n INTEGER NOT NULL,
    -- The detractor's response (rules of the detractor kind); NULL for a figure's firing.
    response_id BLOB,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, rule_id) REFERENCES alert_rules (workspace_id, id)
        ON DELETE CASCADE
) STRICT;
-- The once-rule: at most one open firing per rule of a figure. A second node (or a second
-- round) that sees the condition hold finds the open firing and inserts nothing.
CREATE UNIQUE INDEX alert_firings_one_open ON alert_firings (workspace_id, rule_id)
    WHERE cleared_at IS NULL AND response_id IS NULL;
-- One firing per detractor response and rule.
CREATE UNIQUE INDEX alert_firings_per_response ON alert_firings (workspace_id, rule_id, response_id)
    WHERE response_id IS NOT NULL;
-- Serves alert_firings(ws, rule): newest first.
CREATE INDEX alert_firings_by_rule ON alert_firings (workspace_id, rule_id, fired_at);

-- E-mails about firings, one per recipient: the alerts' mail loop sends what is due.
CREATE TABLE alert_mails (
    workspace_id BLOB NOT NULL,
    firing_id BLOB NOT NULL,
    user_id BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- fired or cleared.
    what TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    -- A node sending it holds it until then (multi-node lease).
    claimed_until INTEGER,
    sent_at INTEGER,
    PRIMARY KEY (workspace_id, firing_id, user_id, what),
    FOREIGN KEY (workspace_id, firing_id) REFERENCES alert_firings (workspace_id, id)
        ON DELETE CASCADE
) STRICT;
-- Serves alert_mails_due(): unsent ones by due time.
CREATE INDEX alert_mails_due ON alert_mails (due_at) WHERE sent_at IS NULL;

CREATE TABLE webhook_endpoints (
    workspace_id BLOB NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id BLOB NOT NULL,
    -- standard or slack.
    kind TEXT NOT NULL CHECK (kind IN ('standard', 'slack')),
    url TEXT NOT NULL,
    description TEXT NOT NULL,
    -- JSON: the event types subscribed to.
    events TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    -- whsec_<base64>: kept so the server can sign; never read back by any list or get.
    secret TEXT NOT NULL,
    -- The secret a rotation replaced, still signing beside the new one until previous_until.
    previous_secret TEXT,
    previous_until INTEGER,
    last_state TEXT,
    last_status_code INTEGER,
    last_attempt_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, id)
) STRICT;

-- Published events: what every delivery of one sends (its payload and webhook-id).
CREATE TABLE webhook_events (
    workspace_id BLOB NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id BLOB NOT NULL,
    event_type TEXT NOT NULL,
    -- JSON: the event's data.
    payload TEXT NOT NULL,
    -- What makes an event the same one when two nodes publish it (response.created:<id>).
    dedupe_key TEXT,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, id)
) STRICT;
CREATE UNIQUE INDEX webhook_events_dedupe ON webhook_events (workspace_id, dedupe_key)
    WHERE dedupe_key IS NOT NULL;

CREATE TABLE webhook_deliveries (
    workspace_id BLOB NOT NULL,
    id BLOB NOT NULL,
    endpoint_id BLOB NOT NULL,
    event_id BLOB NOT NULL,
    -- pending, delivered or failed.
    state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    -- A node attempting it holds it until then (multi-node lease).
    claimed_until INTEGER,
    last_status_code INTEGER,
    last_error TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, endpoint_id) REFERENCES webhook_endpoints (workspace_id, id)
        ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, event_id) REFERENCES webhook_events (workspace_id, id)
        ON DELETE CASCADE
) STRICT;
-- Serves claim_deliveries(): pending ones by due time, across workspaces.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
    WHERE state = 'pending';
-- Serves webhook_deliveries(ws, endpoint): the log, newest first.
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (workspace_id, endpoint_id, id);

-- New responses of workspaces that have alert rules or webhook endpoints, queued in the
-- transaction that stores them (any node, any path) for the hooks worker: it publishes
-- response.created and evaluates the workspace's alerts, never on the request's path.
CREATE TABLE hooks_pending (
    workspace_id BLOB NOT NULL,
    response_id BLOB NOT NULL,
    queued_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, response_id),
    FOREIGN KEY (workspace_id, response_id) REFERENCES responses (workspace_id, id)
        ON DELETE CASCADE
) STRICT;
-- Serves hooks_pending(): the oldest first.
CREATE INDEX hooks_pending_by_time ON hooks_pending (queued_at);

CREATE TRIGGER hooks_queue_new_response AFTER INSERT ON responses
WHEN EXISTS (SELECT 1 FROM alert_rules WHERE workspace_id = NEW.workspace_id)
  OR EXISTS (SELECT 1 FROM webhook_endpoints WHERE workspace_id = NEW.workspace_id)
BEGIN
    INSERT OR IGNORE INTO hooks_pending (workspace_id, response_id, queued_at)
    VALUES (NEW.workspace_id, NEW.id, CAST(unixepoch('subsec') * 1000000 AS INTEGER));
END;
