-- taith's feature-request board, PostgreSQL flavour. Keep it in step with
-- crates/taith-store-sqlite/migrations/0009_feature_requests.sql: same tables, columns, keys
-- and indexes; only the column types differ (ids UUID here, BLOB there).
--
-- As everywhere: workspace_id first in every primary key, composite tenant foreign keys, times
-- in unix microseconds (UTC).

CREATE TABLE feature_requests (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id UUID NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    status TEXT NOT NULL
        CHECK (status IN ('under_review', 'planned', 'in_progress', 'done', 'declined')),
    -- JSON: {locale: text}, what customers read on the public board.
    public_note TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('staff', 'public', 'comment')),
    -- The survivor of a merge; its votes and links moved there.
    merged_into UUID,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    -- Serves feature_request(), the updates and the cursor pages of feature_requests(ws).
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, merged_into) REFERENCES feature_requests (workspace_id, id)
);

-- Serves feature_requests(ws) filtered by status (the API's ?status=, the board's columns).
CREATE INDEX feature_requests_by_status ON feature_requests (workspace_id, status, id);

CREATE TABLE feature_request_votes (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    request_id UUID NOT NULL,
    -- taith_domain::Voter::key(): customer:<id>, browser:<sha-256 of the cookie's token>,
    -- member:<id> or response:<id>. One vote per voter and request.
    voter TEXT NOT NULL,
    customer_id UUID,
    created_at BIGINT NOT NULL,
    -- The one-vote rule (add_feature_request_vote's ON CONFLICT target), and the vote counts
    -- and merges, which read a request's votes.
    PRIMARY KEY (workspace_id, request_id, voter),
    FOREIGN KEY (workspace_id, request_id) REFERENCES feature_requests (workspace_id, id)
        ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id)
);

CREATE TABLE feature_request_links (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    request_id UUID NOT NULL,
    response_id UUID NOT NULL,
    -- The response's customer when it was linked, for the "we did it" notice.
    customer_id UUID,
    created_at BIGINT NOT NULL,
    -- Serves feature_request_links(ws, id) and the merge's move of links.
    PRIMARY KEY (workspace_id, request_id, response_id),
    FOREIGN KEY (workspace_id, request_id) REFERENCES feature_requests (workspace_id, id)
        ON DELETE CASCADE,
    -- A response deleted for good (a customer forgotten) takes its links with it.
    FOREIGN KEY (workspace_id, response_id) REFERENCES responses (workspace_id, id)
        ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, customer_id) REFERENCES customers (workspace_id, id)
);

-- Serves feature_requests_of_response(ws, response) and the cascade when a response is deleted.
CREATE INDEX feature_request_links_by_response ON feature_request_links (workspace_id, response_id);
