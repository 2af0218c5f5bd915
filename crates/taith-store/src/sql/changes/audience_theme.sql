-- The customers behind a theme ($2): those whose responses mention it, each with the locale
-- of their latest mentioning response. Served by the primary key of voc_comment_themes
-- (workspace_id, theme_id, response_id) and of responses.
WITH mentions AS (
    SELECT r.customer_id, r.locale, r.submitted_at, r.id
    FROM voc_comment_themes t
    JOIN responses r ON r.workspace_id = t.workspace_id AND r.id = t.response_id
    WHERE t.workspace_id = $1 AND t.theme_id = $2 AND r.customer_id IS NOT NULL
)
SELECT c.id, c.email, c.locale, c.unsubscribed_at, c.notices_opted_out_at,
       (SELECT m.locale FROM mentions m WHERE m.customer_id = c.id
        ORDER BY m.submitted_at DESC, m.id DESC LIMIT 1) AS linked_locale,
       CAST(NULL AS TEXT) AS latest_locale
FROM customers c
WHERE c.workspace_id = $1 AND c.id IN (SELECT customer_id FROM mentions)
ORDER BY c.id
