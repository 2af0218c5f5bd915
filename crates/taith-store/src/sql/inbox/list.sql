-- A page of the inbox, newest activity first (the columns inbox_row reads).
-- $2: now (a snooze that ended by then shows as open); $3: ",status,status," or '' for any
-- (shown statuses); $4: 'any', 'none' (unassigned) or 'member' ($5); $6 team; $7 channel;
-- $8 a label as a LIKE pattern of its JSON string, or NULL; $9 priority;
-- $10/$11: the cursor (activity, id) or NULL; $12 limit.
SELECT * FROM (
    SELECT c.id, c.external_id, c.channel, c.status, c.subject, c.customer_id, c.assignee_id,
           c.agent, c.team, c.tags, c.satisfaction, c.locale, c.touchpoint_id, c.created_at,
           c.first_reply_at, c.resolved_at, c.reopens, c.updated_at, c.priority,
           c.snoozed_until,
           CASE WHEN c.status = 'snoozed' AND c.snoozed_until IS NOT NULL
                     AND c.snoozed_until <= $2 THEN 'open' ELSE c.status END AS shown_status,
           COALESCE((SELECT MAX(m.at) FROM conversation_messages m
                     WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id),
                    c.created_at) AS activity
    FROM conversations c
    WHERE c.workspace_id = $1
      AND ($4 = 'any' OR ($4 = 'none' AND c.assignee_id IS NULL)
           OR ($4 = 'member' AND c.assignee_id = $5))
      AND ($6 IS NULL OR c.team = $6)
      AND ($7 IS NULL OR c.channel = $7)
      AND ($8 IS NULL OR c.tags LIKE $8 ESCAPE '\')
      AND ($9 IS NULL OR c.priority = $9)
) t
WHERE ($3 = '' OR $3 LIKE '%,' || shown_status || ',%')
  AND ($10 IS NULL OR activity < $10 OR (activity = $10 AND id < $11))
ORDER BY activity DESC, id DESC
LIMIT $12
