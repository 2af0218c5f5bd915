-- The customers behind a feature request ($2): its linked comments' customers and its
-- customer voters, each with the locale of their latest linked response, else of their
-- latest response at all. Served by the primary keys of feature_request_links and
-- feature_request_votes (workspace_id, request_id, …); the latest response by a scan of the
-- customer's responses (few per customer).
WITH people AS (
    SELECT customer_id FROM feature_request_links
    WHERE workspace_id = $1 AND request_id = $2 AND customer_id IS NOT NULL
    UNION
    SELECT customer_id FROM feature_request_votes
    WHERE workspace_id = $1 AND request_id = $2 AND customer_id IS NOT NULL
)
SELECT c.id, c.email, c.locale, c.unsubscribed_at, c.notices_opted_out_at,
       (SELECT r.locale FROM feature_request_links l
        JOIN responses r ON r.workspace_id = l.workspace_id AND r.id = l.response_id
        WHERE l.workspace_id = $1 AND l.request_id = $2 AND l.customer_id = c.id
        ORDER BY r.submitted_at DESC, r.id DESC LIMIT 1) AS linked_locale,
       (SELECT r.locale FROM responses r
        WHERE r.workspace_id = $1 AND r.customer_id = c.id
        ORDER BY r.submitted_at DESC, r.id DESC LIMIT 1) AS latest_locale
FROM people p
JOIN customers c ON c.workspace_id = $1 AND c.id = p.customer_id
ORDER BY c.id
