-- Two-factor sign-in (TOTP, recovery codes) and the workspace's requirement of it, sqlite flavour.
-- Keep it in step with crates/taith-store-postgres/migrations/0024_two_factor.sql: same tables,
-- columns, keys and indexes; only the types differ (BLOB here, UUID there; INTEGER here, BIGINT
-- and BOOLEAN there). Adds two tables and two columns; drops nothing.

-- A session signed in with the password only, waiting for the second factor: it reaches
-- nothing but the code page and sign-out.
ALTER TABLE sessions ADD COLUMN second_factor_pending INTEGER NOT NULL DEFAULT 0;

-- An owner's rule: members sign in with a second factor (people, not API tokens).
ALTER TABLE workspaces ADD COLUMN require_two_factor INTEGER NOT NULL DEFAULT 0;

-- A person's TOTP secret (base32; the store has no encryption at rest, see docs/two-factor.md).
CREATE TABLE two_factor (
    user_id BLOB NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret TEXT NOT NULL,
    -- NULL while enrolment waits for the first code.
    confirmed_at INTEGER,
    -- The last TOTP step used: a code of that step or an earlier one is refused (replay).
    last_step INTEGER,
    created_at INTEGER NOT NULL
) STRICT;

-- Single-use recovery codes: SHA-256 (hex) of each; the codes themselves are shown once.
CREATE TABLE two_factor_recovery (
    user_id BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at INTEGER,
    PRIMARY KEY (user_id, code_hash)
) STRICT;
