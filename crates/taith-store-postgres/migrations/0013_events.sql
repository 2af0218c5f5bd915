-- Events (what customers do) and sites (whose tracker sends them), PostgreSQL flavour. Keep it in
-- step with crates/taith-store-sqlite/migrations/0013_events.sql: same tables, columns, keys
-- and indexes; only the column types differ (ids UUID here, BLOB there; bools BOOLEAN
-- here, INTEGER 0/1 there). Adds tables; drops nothing.
--
-- As everywhere: workspace_id first in every primary key, times in unix microseconds (UTC).

CREATE TABLE sites (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id UUID NOT NULL,
    name TEXT NOT NULL,
    -- JSON array of lower-case hostnames.
    hostnames TEXT NOT NULL,
    -- JSON array of {"pattern", "touchpoint_id"}: read and written whole.
    patterns TEXT NOT NULL,
    search_param TEXT NOT NULL,
    -- Unique, global: serves site_by_key (the tracker's address names no workspace). On Citus
    -- this would be a lookup table of its own, like api_tokens.token_hash.
    site_key TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    -- Serves site(), update/delete_site and sites(ws).
    PRIMARY KEY (workspace_id, id)
);

CREATE TABLE events (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    -- UUIDv7 given on intake: the order of events_after.
    id UUID NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('page_view', 'search', 'conversion', 'task', 'error', 'click')),
    occurred_at BIGINT NOT NULL,
    visitor_id TEXT,
    session_id TEXT,
    customer_id UUID,
    url TEXT,
    -- History: no foreign key (kept after the touchpoint or site is deleted); checked on intake.
    touchpoint_id UUID,
    site_id UUID,
    channel TEXT NOT NULL,
    locale TEXT,
    -- JSON object of strings.
    attributes TEXT NOT NULL,
    -- By type: search (query, result_count), conversion (goal, value), task (name, success,
    -- duration_ms), error (error_kind), click (target).
    query TEXT,
    result_count BIGINT,
    goal TEXT,
    value DOUBLE PRECISION,
    name TEXT,
    success BOOLEAN,
    duration_ms BIGINT,
    error_kind TEXT,
    target TEXT,
    -- The sender's idempotency key. NULLs do not collide in a unique index.
    client_key TEXT,
    created_at BIGINT NOT NULL,
    -- Serves events_after (the index's build and tail) and event().
    PRIMARY KEY (workspace_id, id),
    -- Serves insert_events' ON CONFLICT and its look-up of a repeated key.
    UNIQUE (workspace_id, client_key),
    FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id)
);

-- Serves the customer timeline (a customer's events in time order) and the customer foreign
-- key's check on customer delete.
CREATE INDEX events_by_customer ON events (workspace_id, customer_id, occurred_at);

-- The daily salts of the tracker's anonymous visitor ids (days since 1970-01-01, UTC); old
-- days are deleted by visitor_salt. Not tenant data: on Citus a reference table.
CREATE TABLE visitor_salts (
    day BIGINT NOT NULL PRIMARY KEY,
    salt BYTEA NOT NULL
);
