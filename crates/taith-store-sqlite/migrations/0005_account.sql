-- A person's own account: their language, their sessions as a list they can sign out of, and
-- resetting a forgotten password. SQLite flavour. Keep it in step with
-- crates/taith-store-postgres/migrations/0005_account.sql: same tables, columns, keys and
-- indexes; only the column types differ (ids BLOB here, UUID there; integers BIGINT there). Adds
-- columns and a table; drops nothing.

-- The language the person chose; NULL: their browser's (Accept-Language, the language cookie).
ALTER TABLE users ADD COLUMN locale TEXT;

-- Each session's public id (the account page signs a session out by it), when it began and
-- the browser's User-Agent then. Sessions from before get an id and a start 14 days (a
-- session's length) before they end.
ALTER TABLE sessions ADD COLUMN id BLOB;
ALTER TABLE sessions ADD COLUMN created_at INTEGER;
ALTER TABLE sessions ADD COLUMN user_agent TEXT;
UPDATE sessions SET id = randomblob(16), created_at = expires_at - 1209600000000;

-- Serves user_sessions, delete_user_session, delete_other_sessions, the sign-outs of a
-- password change or reset, and the cascade from users.
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE password_resets (
    id BLOB NOT NULL PRIMARY KEY,
    -- The address as typed (normalised). A request is kept whether or not an account has the
    -- address, so the page's answer and its work are the same either way; the outbox looks
    -- the account up and drops the request when there is none.
    email TEXT NOT NULL,
    -- The language of the page the request came from (the account's own language wins).
    locale TEXT NOT NULL,
    requested_at INTEGER NOT NULL,
    -- The link works until then; an e-mail not sent by then is not sent.
    expires_at INTEGER NOT NULL,
    -- Set by the outbox just before it sends the e-mail: the account and the SHA-256 of the
    -- link's secret (the secret itself is only in the e-mail).
    user_id BLOB REFERENCES users (id) ON DELETE CASCADE,
    -- Unique: serves password_reset_user and use_password_reset.
    token_hash TEXT UNIQUE,
    mailed_at INTEGER,
    -- When the link was used, or voided by another link's use or a password change.
    used_at INTEGER
) STRICT;

-- Serves password_resets_due: the requests still to send, oldest first.
CREATE INDEX password_resets_unsent ON password_resets (requested_at) WHERE mailed_at IS NULL;
-- Serves password_reset_mails_since (how many went to one address lately).
CREATE INDEX password_resets_by_email ON password_resets (email, mailed_at);
-- Serves voiding an account's links, and the cascade from users.
CREATE INDEX password_resets_by_user ON password_resets (user_id);
-- Serves forgetting old requests in request_password_reset.
CREATE INDEX password_resets_by_expiry ON password_resets (expires_at);
