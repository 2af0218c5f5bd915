-- Undoing deletions in the journey editor, PostgreSQL flavour. Keep it in step with
-- crates/taith-store-sqlite/migrations/0006_editor.sql: same tables, columns, keys and
-- indexes; only the column types differ. Adds two tables; drops nothing.

-- A deleted journey, kept for a while so that its deletion can be undone: delete_journey
-- writes it here in the transaction that deletes the journey, undelete_journey takes it back
-- out, and forget_deleted_journeys_before prunes what is too old to bring back.
CREATE TABLE journey_trash (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    -- No foreign key: the journey is gone.
    journey_id UUID NOT NULL,
    name TEXT NOT NULL,
    -- JSON: the Journey as it was when deleted.
    snapshot TEXT NOT NULL,
    -- JSON: its revisions, oldest first, each with its snapshot, as journey_revisions held them.
    revisions TEXT NOT NULL,
    -- Unix microseconds (UTC).
    deleted_at BIGINT NOT NULL,
    -- Serves deleted_journey and undelete_journey.
    PRIMARY KEY (workspace_id, journey_id)
);

-- Serves forget_deleted_journeys_before.
CREATE INDEX journey_trash_by_time ON journey_trash (workspace_id, deleted_at);

-- The link a survey lost when its touchpoint was deleted (a journey saved without the
-- touchpoint, or deleted), so that the link comes back with the touchpoint (an undo, a
-- restored version, a journey brought back) unless the survey was changed since.
CREATE TABLE survey_unlinks (
    workspace_id UUID NOT NULL,
    survey_id UUID NOT NULL,
    -- No foreign key: the touchpoint is gone.
    touchpoint_id UUID NOT NULL,
    -- Unix microseconds (UTC).
    unlinked_at BIGINT NOT NULL,
    -- A survey has one link at a time: this remembers the last one it lost.
    PRIMARY KEY (workspace_id, survey_id),
    FOREIGN KEY (workspace_id, survey_id) REFERENCES surveys (workspace_id, id) ON DELETE CASCADE
);

-- Serves the relinking when a touchpoint comes back.
CREATE INDEX survey_unlinks_by_touchpoint ON survey_unlinks (workspace_id, touchpoint_id);
