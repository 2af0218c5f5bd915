-- taith core schema, SQLite flavour. Keep it in step with
-- crates/taith-store-postgres/migrations/0001_core.sql: same tables, columns, keys and indexes;
-- only the column types differ (ids BLOB here, UUID there; bools INTEGER 0/1 here).
--
-- Every tenant table has workspace_id first in its primary key, and tenant foreign keys are
-- composite (workspace_id, x_id), so a row can never point into another workspace.
-- Times are unix microseconds, UTC. Tables are STRICT: a wrongly typed bind is an error.

CREATE TABLE workspaces (
    id BLOB NOT NULL PRIMARY KEY,
    -- Unique: serves workspace_by_slug.
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE users (
    id BLOB NOT NULL PRIMARY KEY,
    -- Unique: serves user_credentials and the find-or-create of create_workspace / add_member.
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE members (
    workspace_id BLOB NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    user_id BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'analyst', 'agent', 'viewer')),
    created_at INTEGER NOT NULL,
    -- Serves members(ws), member_role, the owner count of the last-owner rule, and is the
    -- target of touchpoints' owner foreign key.
    PRIMARY KEY (workspace_id, user_id)
) STRICT;

-- Serves memberships(user) (and the foreign key from users).
CREATE INDEX members_by_user ON members (user_id);

CREATE TABLE sessions (
    -- Serves session(hash) and delete_session.
    token_hash TEXT NOT NULL PRIMARY KEY,
    user_id BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;

-- Serves the purge of expired sessions in create_session.
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE api_tokens (
    workspace_id BLOB NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id BLOB NOT NULL,
    -- Unique, global: serves api_token_by_hash (the bearer token names no workspace).
    token_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('read', 'write')),
    created_at INTEGER NOT NULL,
    -- Serves api_tokens(ws) and revoke_api_token.
    PRIMARY KEY (workspace_id, id)
) STRICT;

CREATE TABLE personas (
    workspace_id BLOB NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id BLOB NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    needs TEXT NOT NULL,
    goals TEXT NOT NULL,
    behaviours TEXT NOT NULL,
    pains TEXT NOT NULL,
    demographics TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    -- Serves persona(), update/delete_persona and the cursor pages of personas(ws).
    PRIMARY KEY (workspace_id, id)
) STRICT;

CREATE TABLE journeys (
    workspace_id BLOB NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id BLOB NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    -- Cleared by delete_persona in its transaction (a composite key cannot SET NULL one column
    -- portably), so the plain foreign key below never blocks a persona's deletion.
    persona_id BLOB,
    version INTEGER NOT NULL CHECK (version >= 1),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    -- Serves journey(), save_journey's versioned UPDATE, delete_journey and the cursor pages
    -- of journeys(ws).
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, persona_id) REFERENCES personas (workspace_id, id)
) STRICT;

-- Serves delete_persona's clearing of the link (and the foreign key check on persona delete).
CREATE INDEX journeys_by_persona ON journeys (workspace_id, persona_id);

CREATE TABLE stages (
    workspace_id BLOB NOT NULL,
    journey_id BLOB NOT NULL,
    id BLOB NOT NULL,
    -- Index in the journey's stage list.
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    actions TEXT NOT NULL,
    thoughts TEXT NOT NULL,
    emotions TEXT NOT NULL,
    emotion INTEGER CHECK (emotion BETWEEN -2 AND 2),
    pain_points TEXT NOT NULL,
    opportunities TEXT NOT NULL,
    -- The upsert target of save_journey; ids stay stable across saves.
    PRIMARY KEY (workspace_id, id),
    -- Serves loading a journey's stages, the stage counts of journeys(ws), the cascade from
    -- journeys, and is the target of touchpoints' foreign key (so a touchpoint's stage is
    -- always in the touchpoint's journey).
    UNIQUE (workspace_id, journey_id, id),
    FOREIGN KEY (workspace_id, journey_id) REFERENCES journeys (workspace_id, id)
        ON DELETE CASCADE
) STRICT;

CREATE TABLE touchpoints (
    workspace_id BLOB NOT NULL,
    journey_id BLOB NOT NULL,
    id BLOB NOT NULL,
    stage_id BLOB NOT NULL,
    -- Index in the journey's touchpoint list: ordering by it gives each stage's order.
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    channel TEXT NOT NULL,
    -- A member of the same workspace (composite foreign key to members); cleared by
    -- remove_member in its transaction.
    owner_member_id BLOB,
    owner_team TEXT,
    description TEXT NOT NULL,
    moment_of_truth INTEGER NOT NULL CHECK (moment_of_truth IN (0, 1)),
    -- The upsert target of save_journey; ids stay stable (surveys will attach to them).
    PRIMARY KEY (workspace_id, id),
    CHECK (owner_member_id IS NULL OR owner_team IS NULL),
    FOREIGN KEY (workspace_id, journey_id, stage_id)
        REFERENCES stages (workspace_id, journey_id, id) ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, owner_member_id) REFERENCES members (workspace_id, user_id)
) STRICT;

-- Serves loading a journey's touchpoints, the touchpoint counts of journeys(ws), and the
-- cascade when a stage is deleted.
CREATE INDEX touchpoints_by_stage ON touchpoints (workspace_id, journey_id, stage_id);

-- Serves remove_member's clearing of owners (and the foreign key check on member delete);
-- later "touchpoints I own".
CREATE INDEX touchpoints_by_owner ON touchpoints (workspace_id, owner_member_id);

CREATE TABLE journey_revisions (
    workspace_id BLOB NOT NULL,
    journey_id BLOB NOT NULL,
    version INTEGER NOT NULL,
    -- The author's name as it was; author_id is informational (no foreign key: history stays
    -- as written).
    author TEXT NOT NULL,
    author_id BLOB,
    -- JSON: Vec<Change>.
    changes TEXT NOT NULL,
    -- JSON: the Journey as saved in this version.
    snapshot TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    -- Serves revisions(journey) (newest first), revision(journey, version), and the cascade.
    PRIMARY KEY (workspace_id, journey_id, version),
    FOREIGN KEY (workspace_id, journey_id) REFERENCES journeys (workspace_id, id)
        ON DELETE CASCADE
) STRICT;
