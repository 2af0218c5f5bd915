-- Claims on the outbox's e-mails, PostgreSQL flavour. Keep it in step with
-- crates/taith-store-sqlite/migrations/0015_mail_claims.sql.
--
-- Several taith nodes may share one store, each running the outbox. An invitation, reminder or
-- password-reset e-mail is claimed (claimed until a time, unix microseconds) by one node just
-- before it is sent; the others skip it until the claim runs out, so it goes out once. A node
-- that dies mid-send leaves the claim to run out, and the e-mail is sent then.
ALTER TABLE invitations ADD COLUMN mail_claimed_until BIGINT NOT NULL DEFAULT 0;
ALTER TABLE password_resets ADD COLUMN claimed_until BIGINT NOT NULL DEFAULT 0;
