-- Cases (closing the loop), PostgreSQL flavour. Keep it in step with
-- crates/taith-store-sqlite/migrations/0010_cases.sql: same tables, columns, keys, indexes and
-- triggers; only the column types, the clock expression and the trigger syntax differ. Adds
-- tables and triggers; drops nothing.
--
-- As everywhere: workspace_id first in every primary key, times in unix microseconds (UTC).

-- Teams of members: a touchpoint owned by a team hands its cases to the team's members in
-- turn.
CREATE TABLE member_teams (
    workspace_id UUID NOT NULL,
    user_id UUID NOT NULL,
    team TEXT NOT NULL,
    -- Serves member_teams(ws) and set_member_teams (replace one member's teams).
    PRIMARY KEY (workspace_id, user_id, team),
    FOREIGN KEY (workspace_id, user_id) REFERENCES members (workspace_id, user_id)
        ON DELETE CASCADE
);

-- Per-workspace counters taken in the transaction that uses them, so two nodes never take the
-- same value: `number` (the next case number) and `rr:<key>` (the round robin of a team or of
-- the admins).
CREATE TABLE case_counters (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    value BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, name)
);

-- The workspace's SLA (JSON taith_domain::Sla); no row: the default.
CREATE TABLE case_settings (
    workspace_id UUID NOT NULL PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
    sla TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE case_root_causes (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id UUID NOT NULL,
    name TEXT NOT NULL,
    position BIGINT NOT NULL,
    -- Taken off the list; kept for the cases that name it.
    archived BOOLEAN NOT NULL DEFAULT FALSE,
    -- Serves root_causes(ws) and the cases' foreign key.
    PRIMARY KEY (workspace_id, id)
);

-- A survey's opening rules; no row: both on.
CREATE TABLE case_rules (
    workspace_id UUID NOT NULL,
    survey_id UUID NOT NULL,
    low_score BOOLEAN NOT NULL,
    negative_comment BOOLEAN NOT NULL,
    PRIMARY KEY (workspace_id, survey_id),
    FOREIGN KEY (workspace_id, survey_id) REFERENCES surveys (workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE cases (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id UUID NOT NULL,
    number BIGINT NOT NULL,
    source TEXT NOT NULL
        CHECK (source IN ('score', 'sentiment', 'response', 'feature_request', 'manual')),
    -- No foreign keys to the response, request, survey, customer or touchpoint: a case is a
    -- record of work done and outlives them (the page says when one is gone).
    response_id UUID,
    feature_request_id UUID,
    survey_id UUID,
    customer_id UUID,
    touchpoint_id UUID,
    owner_id UUID,
    status TEXT NOT NULL CHECK (status IN
        ('open', 'in_progress', 'waiting_for_customer', 'resolved', 'closed_no_action')),
    root_cause_id UUID,
    opened_at BIGINT NOT NULL,
    first_action_at BIGINT,
    closed_at BIGINT,
    first_action_due BIGINT NOT NULL,
    resolve_due BIGINT NOT NULL,
    version BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    -- Serves case(ws, id), the updates and the cursor pages of cases(ws).
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, root_cause_id) REFERENCES case_root_causes (workspace_id, id)
);
-- One case per response, whichever node and rule opens it (the worker's ON CONFLICT target);
-- also serves case_of_response.
CREATE UNIQUE INDEX cases_by_response ON cases (workspace_id, response_id);
CREATE UNIQUE INDEX cases_by_number ON cases (workspace_id, number);
-- Serves "my cases" and the owner filter.
CREATE INDEX cases_by_owner ON cases (workspace_id, owner_id, id);
-- Serves the figures (cases opened in a period).
CREATE INDEX cases_by_opening ON cases (workspace_id, opened_at);

-- Every change to a case: who, when, what (JSON taith_domain::CaseChange).
CREATE TABLE case_log (
    workspace_id UUID NOT NULL,
    case_id UUID NOT NULL,
    -- UUIDv7: the log's order.
    id UUID NOT NULL,
    at BIGINT NOT NULL,
    actor_id UUID,
    actor_name TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL,
    -- Serves case_log(ws, case).
    PRIMARY KEY (workspace_id, case_id, id),
    FOREIGN KEY (workspace_id, case_id) REFERENCES cases (workspace_id, id) ON DELETE CASCADE
);

-- Replies to customers: stored with the change that wrote them, sent by the cases' mail worker
-- on any node (claimed_until is its lease), recorded sent only after the SMTP server took them.
CREATE TABLE case_replies (
    workspace_id UUID NOT NULL,
    id UUID NOT NULL,
    case_id UUID NOT NULL,
    body TEXT NOT NULL,
    locale TEXT NOT NULL,
    to_email TEXT NOT NULL,
    to_name TEXT,
    created_at BIGINT NOT NULL,
    sent_at BIGINT,
    claimed_until BIGINT NOT NULL DEFAULT 0,
    attempts BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, case_id) REFERENCES cases (workspace_id, id) ON DELETE CASCADE
);
-- Serves case_replies_due: unsent ones, oldest first.
CREATE INDEX case_replies_unsent ON case_replies (sent_at, created_at);
-- Serves case_replies(ws, case).
CREATE INDEX case_replies_by_case ON case_replies (workspace_id, case_id);

-- Responses the opening rules have not looked at since they were stored or their comment was
-- read as negative. Filled by the triggers below in the writing transaction, whichever node
-- and path wrote it, so the case worker (on any node) misses none.
CREATE TABLE case_pending (
    workspace_id UUID NOT NULL,
    response_id UUID NOT NULL,
    queued_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, response_id),
    FOREIGN KEY (workspace_id, response_id) REFERENCES responses (workspace_id, id)
        ON DELETE CASCADE
);
-- Serves case_pending(): the oldest first, across workspaces.
CREATE INDEX case_pending_by_time ON case_pending (queued_at);

CREATE FUNCTION case_queue_response() RETURNS trigger AS $$
BEGIN
    INSERT INTO case_pending (workspace_id, response_id, queued_at)
    VALUES (NEW.workspace_id, NEW.id, (EXTRACT(EPOCH FROM clock_timestamp()) * 1000000)::BIGINT)
    ON CONFLICT (workspace_id, response_id) DO UPDATE SET queued_at = EXCLUDED.queued_at;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER case_queue_new_response AFTER INSERT ON responses
FOR EACH ROW EXECUTE FUNCTION case_queue_response();

CREATE FUNCTION case_queue_comment() RETURNS trigger AS $$
BEGIN
    IF NEW.sentiment = 'negative' THEN
        INSERT INTO case_pending (workspace_id, response_id, queued_at)
        VALUES (NEW.workspace_id, NEW.response_id,
                (EXTRACT(EPOCH FROM clock_timestamp()) * 1000000)::BIGINT)
        ON CONFLICT (workspace_id, response_id) DO UPDATE SET queued_at = EXCLUDED.queued_at;
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER case_queue_negative_comment AFTER INSERT ON voc_comments
FOR EACH ROW EXECUTE FUNCTION case_queue_comment();

CREATE TRIGGER case_queue_changed_comment AFTER UPDATE OF sentiment ON voc_comments
FOR EACH ROW EXECUTE FUNCTION case_queue_comment();
