-- The FAQ bot (issue 14, part 3): each workspace's synonyms, and the questions it found no
-- good answer to (FAQ gaps), Postgres flavour. Keep it in step with
-- crates/taith-store-sqlite/migrations/0020_bot.sql: same tables, columns, keys and indexes;
-- only the column types differ (ids UUID here, BLOB there). Adds tables; drops nothing.
--
-- As everywhere: workspace_id first in every primary key, times in unix microseconds (UTC).

CREATE TABLE bot_synonyms (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id UUID NOT NULL,
    -- The locale the term is written in (en, cy, ms, sw, ar, vi).
    locale TEXT NOT NULL,
    -- Normalised (trimmed, lower-cased): one row per term and locale.
    term TEXT NOT NULL,
    -- JSON array of strings, at least one: words or phrases meaning the same as the term.
    expansions TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    -- Serves synonyms(ws) and delete_synonym.
    PRIMARY KEY (workspace_id, id)
);
-- The one-row-per-term rule (an upsert target).
CREATE UNIQUE INDEX bot_synonyms_by_term ON bot_synonyms (workspace_id, locale, term);

CREATE TABLE faq_gaps (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id UUID NOT NULL,
    question TEXT NOT NULL,
    locale TEXT NOT NULL,
    -- bot: the bot handed over for lack of an answer; help_search: a help-centre search found
    -- nothing.
    source TEXT NOT NULL CHECK (source IN ('bot', 'help_search')),
    asked_at BIGINT NOT NULL,
    -- The chat conversation the hand-over opened (no foreign key: the gap outlives it).
    conversation_id UUID,
    PRIMARY KEY (workspace_id, id)
);
-- Serves faq_gaps(ws, since): the newest questions of one workspace.
CREATE INDEX faq_gaps_by_time ON faq_gaps (workspace_id, asked_at);
