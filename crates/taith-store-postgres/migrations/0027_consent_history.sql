-- Every change of a customer's consent, not only the latest say (taith_domain::contact),
-- postgres flavour. Keep it in step with
-- crates/taith-store-sqlite/migrations/0027_consent_history.sql: same table, columns and keys;
-- only the types differ. Adds a table and fills it with the consents recorded so far;
-- drops nothing.
CREATE TABLE consent_changes (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    customer_id UUID NOT NULL,
    -- UUIDv7 from the store (random for the rows carried over): with changed_at, the order.
    id UUID NOT NULL,
    purpose TEXT NOT NULL CHECK (purpose IN ('surveys', 'notices')),
    granted BOOLEAN NOT NULL,
    source TEXT NOT NULL
        CHECK (source IN ('unsubscribe_link', 'preference_page', 'api', 'import')),
    changed_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, customer_id, id),
    FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id)
        ON DELETE CASCADE
);
INSERT INTO consent_changes (workspace_id, customer_id, id, purpose, granted, source, changed_at)
SELECT workspace_id, customer_id, gen_random_uuid(), purpose, granted, source, changed_at
FROM consents;
