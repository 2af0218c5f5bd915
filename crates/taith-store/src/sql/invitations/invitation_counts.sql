-- How a survey's invitations are doing. Served by invitations(workspace_id, survey_id, …), the
-- customers' primary key and responses(workspace_id, survey_id, customer_id, submitted_at).
SELECT
    COUNT(*) AS invited,
    COUNT(i.sent_at) AS sent,
    COUNT(i.reminded_at) AS reminded,
    COUNT(i.skipped_at) AS skipped,
    COALESCE(SUM(CASE WHEN c.unsubscribed_at IS NOT NULL THEN 1 ELSE 0 END), 0)
        AS unsubscribed,
    COALESCE(SUM(CASE WHEN EXISTS (
        SELECT 1 FROM responses r
        WHERE r.workspace_id = i.workspace_id
            AND r.survey_id = i.survey_id
            AND r.customer_id = i.customer_id
            AND r.submitted_at >= i.created_at
    ) THEN 1 ELSE 0 END), 0) AS answered
FROM invitations i
JOIN customers c ON c.workspace_id = i.workspace_id AND c.id = i.customer_id
WHERE i.workspace_id = $1 AND i.survey_id = $2
