-- Reminders due at $1 (and not claimed by a node's outbox then) to customers who have not answered the survey since they were invited,
-- for live surveys and customers who can be mailed (the column list is the same as
-- mail_due_unsent.sql). Served by the partial index invitations_to_remind; "answered" by
-- responses(workspace_id, survey_id, customer_id, submitted_at).
SELECT
    i.workspace_id, i.id, i.survey_id, i.customer_id, i.token, i.locale, i.reminder_days,
    i.created_at, i.sent_at, i.reminded_at, c.email, c.name
FROM invitations i
JOIN customers c ON c.workspace_id = i.workspace_id AND c.id = i.customer_id
JOIN surveys s ON s.workspace_id = i.workspace_id AND s.id = i.survey_id
WHERE c.unsubscribed_at IS NULL AND c.email IS NOT NULL AND s.status = 'live'
    AND i.skipped_at IS NULL
    AND i.reminded_at IS NULL AND i.reminder_days > 0 AND i.sent_at IS NOT NULL
    AND i.sent_at + i.reminder_days * 86400000000 <= $1 AND i.mail_claimed_until < $1
    AND NOT EXISTS (
        SELECT 1 FROM responses r
        WHERE r.workspace_id = i.workspace_id
            AND r.survey_id = i.survey_id
            AND r.customer_id = i.customer_id
            AND r.submitted_at >= i.created_at
    )
ORDER BY i.sent_at
LIMIT $2
