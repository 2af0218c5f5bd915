-- Invitations whose e-mail has not gone out yet, oldest first, for live surveys and customers
-- who can be mailed and not claimed by a node's outbox at $1 (the column list is the same as
-- mail_due_reminders.sql). Served by the partial index invitations_unsent.
SELECT
    i.workspace_id, i.id, i.survey_id, i.customer_id, i.token, i.locale, i.reminder_days,
    i.created_at, i.sent_at, i.reminded_at, c.email, c.name
FROM invitations i
JOIN customers c ON c.workspace_id = i.workspace_id AND c.id = i.customer_id
JOIN surveys s ON s.workspace_id = i.workspace_id AND s.id = i.survey_id
WHERE c.unsubscribed_at IS NULL AND c.email IS NOT NULL AND s.status = 'live'
    AND i.skipped_at IS NULL
    AND i.sent_at IS NULL AND i.mail_claimed_until < $1
ORDER BY i.created_at
LIMIT $2
