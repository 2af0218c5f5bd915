-- taith surveys, customers and responses, PostgreSQL flavour. Keep it in step with
-- crates/taith-store-sqlite/migrations/0002_surveys.sql: same tables, columns, keys and
-- indexes; only the column types differ (ids UUID here, BLOB there; bools BOOLEAN here,
-- INTEGER 0/1 there).
--
-- As in 0001: workspace_id first in every primary key, composite tenant foreign keys, times in
-- unix microseconds (UTC, BIGINT).

CREATE TABLE surveys (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id UUID NOT NULL,
    -- The part of the survey's /s/{public_id} address. Unique, global: serves
    -- survey_by_public_id (a respondent's address names no workspace). On Citus this would be a
    -- lookup table of its own, like api_tokens.token_hash.
    public_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('nps', 'csat', 'ces', 'custom')),
    scale_low BIGINT NOT NULL,
    scale_high BIGINT NOT NULL,
    default_locale TEXT NOT NULL,
    -- JSON: {"question": LocalizedText, "thank_you": LocalizedText, "follow_ups": [FollowUp]},
    -- the parts of the definition that are only ever read whole.
    definition TEXT NOT NULL,
    -- Where on the journey the answers belong. Cleared by save_journey / delete_journey in
    -- their transaction before the touchpoint goes (a composite key cannot SET NULL one column
    -- portably): the survey keeps existing without the link.
    touchpoint_id UUID,
    status TEXT NOT NULL CHECK (status IN ('draft', 'live', 'closed')),
    anonymous BOOLEAN NOT NULL,
    throttle_days BIGINT NOT NULL CHECK (throttle_days >= 0),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    -- Serves survey(), update/delete_survey, the cursor pages of surveys(ws), and is the target
    -- of responses' survey foreign key.
    PRIMARY KEY (workspace_id, id),
    CHECK (scale_low >= 0 AND scale_low < scale_high AND scale_high <= 10),
    FOREIGN KEY (workspace_id, touchpoint_id) REFERENCES touchpoints (workspace_id, id)
);

-- Serves the clearing of links when touchpoints are deleted (and the foreign key check on
-- touchpoint delete); later "surveys of this touchpoint".
CREATE INDEX surveys_by_touchpoint ON surveys (workspace_id, touchpoint_id);

CREATE TABLE customers (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id UUID NOT NULL,
    -- The business's own id for the customer. NULLs do not collide in a unique index.
    external_id TEXT,
    -- Lower-cased (taith_domain::Email).
    email TEXT,
    name TEXT,
    locale TEXT,
    created_at BIGINT NOT NULL,
    -- Serves customer() and is the target of responses' customer foreign key.
    PRIMARY KEY (workspace_id, id),
    -- Serves upsert_customer's lookup by external id.
    UNIQUE (workspace_id, external_id),
    -- Serves upsert_customer's lookup by e-mail.
    UNIQUE (workspace_id, email)
);

CREATE TABLE responses (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    -- Chosen by the caller (UUIDv7, time-ordered): responses are listed and tailed by it.
    id UUID NOT NULL,
    survey_id UUID NOT NULL,
    score BIGINT NOT NULL CHECK (score BETWEEN 0 AND 10),
    -- JSON: [Answer].
    answers TEXT NOT NULL,
    comment TEXT NOT NULL,
    -- Where on the journey the response was given, as it was then. No foreign key: responses
    -- are history and keep their place when a touchpoint is later deleted (the journey's
    -- revisions still name it). insert_responses checks that it is one of the workspace's
    -- touchpoints at the time of writing.
    touchpoint_id UUID,
    channel TEXT NOT NULL,
    locale TEXT NOT NULL,
    customer_id UUID,
    -- JSON: {key: value}.
    attributes TEXT NOT NULL,
    submitted_at BIGINT NOT NULL,
    -- The client's idempotency key.
    client_key TEXT,
    created_at BIGINT NOT NULL,
    -- Serves response(), add_answers and the cursor pages of responses(ws, None).
    PRIMARY KEY (workspace_id, id),
    -- No cascade: a survey with responses cannot be deleted (delete_survey says HasResponses).
    FOREIGN KEY (workspace_id, survey_id) REFERENCES surveys (workspace_id, id),
    FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id)
);

-- The idempotency rule of insert_responses (its ON CONFLICT target and the lookup of the
-- response stored first). NULL client keys never collide: both databases treat NULLs as
-- distinct in a unique index.
CREATE UNIQUE INDEX responses_by_client_key ON responses (workspace_id, survey_id, client_key);

-- Serves the cursor pages of responses(ws, Some(survey)), delete_survey's "has responses"
-- check and the foreign key check on survey delete.
CREATE INDEX responses_by_survey ON responses (workspace_id, survey_id, id);

-- Serves last_response_at(ws, survey, customer) (throttling). Partial: anonymous responses are
-- never asked about, and leaving them out spares the hot insert path an index update that
-- lands all over the index (submitted_at is in no particular order in an import).
CREATE INDEX responses_by_customer ON responses (workspace_id, survey_id, customer_id, submitted_at)
    WHERE customer_id IS NOT NULL;
