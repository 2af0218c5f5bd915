-- Alerts and webhooks, PostgreSQL flavour. Keep it in step with
-- crates/taith-store-sqlite/migrations/0011_alerts_webhooks.sql: same tables, columns, keys,
-- indexes and triggers; only the column types, the clock expression and the trigger syntax
-- differ. Adds tables and triggers; drops nothing.

CREATE TABLE alert_rules (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id UUID NOT NULL,
    name TEXT NOT NULL,
    -- JSON: taith_domain::AlertRuleFields without the name: read and written whole.
    settings TEXT NOT NULL,
    enabled BIGINT NOT NULL,
    last_value DOUBLE PRECISION,
    last_evaluated_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, id)
);

CREATE TABLE alert_firings (
    workspace_id UUID NOT NULL,
    id UUID NOT NULL,
    rule_id UUID NOT NULL,
    fired_at BIGINT NOT NULL,
    cleared_at BIGINT,
    value DOUBLE PRECISION,
    previous DOUBLE PRECISION,
    n BIGINT NOT NULL,
    response_id UUID,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, rule_id) REFERENCES alert_rules (workspace_id, id)
        ON DELETE CASCADE
);
-- The once-rule: at most one open firing per rule of a figure.
CREATE UNIQUE INDEX alert_firings_one_open ON alert_firings (workspace_id, rule_id)
    WHERE cleared_at IS NULL AND response_id IS NULL;
-- One firing per detractor response and rule.
CREATE UNIQUE INDEX alert_firings_per_response ON alert_firings (workspace_id, rule_id, response_id)
    WHERE response_id IS NOT NULL;
-- Serves alert_firings(ws, rule): newest first.
CREATE INDEX alert_firings_by_rule ON alert_firings (workspace_id, rule_id, fired_at);

CREATE TABLE alert_mails (
    workspace_id UUID NOT NULL,
    firing_id UUID NOT NULL,
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    what TEXT NOT NULL,
    due_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    claimed_until BIGINT,
    sent_at BIGINT,
    PRIMARY KEY (workspace_id, firing_id, user_id, what),
    FOREIGN KEY (workspace_id, firing_id) REFERENCES alert_firings (workspace_id, id)
        ON DELETE CASCADE
);
CREATE INDEX alert_mails_due ON alert_mails (due_at) WHERE sent_at IS NULL;

CREATE TABLE webhook_endpoints (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id UUID NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('standard', 'slack')),
    url TEXT NOT NULL,
    description TEXT NOT NULL,
    events TEXT NOT NULL,
    enabled BIGINT NOT NULL,
    secret TEXT NOT NULL,
    previous_secret TEXT,
    previous_until BIGINT,
    last_state TEXT,
    last_status_code BIGINT,
    last_attempt_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, id)
);

CREATE TABLE webhook_events (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id UUID NOT NULL,
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,
    dedupe_key TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
CREATE UNIQUE INDEX webhook_events_dedupe ON webhook_events (workspace_id, dedupe_key)
    WHERE dedupe_key IS NOT NULL;

CREATE TABLE webhook_deliveries (
    workspace_id UUID NOT NULL,
    id UUID NOT NULL,
    endpoint_id UUID NOT NULL,
    event_id UUID NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT,
    claimed_until BIGINT,
    last_status_code BIGINT,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, endpoint_id) REFERENCES webhook_endpoints (workspace_id, id)
        ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, event_id) REFERENCES webhook_events (workspace_id, id)
        ON DELETE CASCADE
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
    WHERE state = 'pending';
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (workspace_id, endpoint_id, id);

CREATE TABLE hooks_pending (
    workspace_id UUID NOT NULL,
    response_id UUID NOT NULL,
    queued_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, response_id),
    FOREIGN KEY (workspace_id, response_id) REFERENCES responses (workspace_id, id)
        ON DELETE CASCADE
);
CREATE INDEX hooks_pending_by_time ON hooks_pending (queued_at);

CREATE FUNCTION hooks_queue_response() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM alert_rules WHERE workspace_id = NEW.workspace_id)
       OR EXISTS (SELECT 1 FROM webhook_endpoints WHERE workspace_id = NEW.workspace_id) THEN
        INSERT INTO hooks_pending (workspace_id, response_id, queued_at)
        VALUES (NEW.workspace_id, NEW.id,
                (EXTRACT(EPOCH FROM clock_timestamp()) * 1000000)::BIGINT)
        ON CONFLICT (workspace_id, response_id) DO NOTHING;
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER hooks_queue_new_response AFTER INSERT ON responses
FOR EACH ROW EXECUTE FUNCTION hooks_queue_response();
