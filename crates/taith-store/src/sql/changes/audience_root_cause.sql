-- The customers behind a root cause ($2): the customers of the cases naming it, each with the
-- locale of their latest such case's response (else of their latest response at all). Served
-- by cases_by_root_cause (workspace_id, root_cause_id) and the primary key of responses; the
-- latest response by a scan of the customer's responses (few per customer).
WITH named AS (
    SELECT k.customer_id, r.locale, r.submitted_at, r.id
    FROM cases k
    LEFT JOIN responses r ON r.workspace_id = k.workspace_id AND r.id = k.response_id
    WHERE k.workspace_id = $1 AND k.root_cause_id = $2 AND k.customer_id IS NOT NULL
)
SELECT c.id, c.email, c.locale, c.unsubscribed_at, c.notices_opted_out_at,
       (SELECT n.locale FROM named n WHERE n.customer_id = c.id AND n.locale IS NOT NULL
        ORDER BY n.submitted_at DESC, n.id DESC LIMIT 1) AS linked_locale,
       (SELECT r.locale FROM responses r
        WHERE r.workspace_id = $1 AND r.customer_id = c.id
        ORDER BY r.submitted_at DESC, r.id DESC LIMIT 1) AS latest_locale
FROM customers c
WHERE c.workspace_id = $1 AND c.id IN (SELECT customer_id FROM named)
ORDER BY c.id
