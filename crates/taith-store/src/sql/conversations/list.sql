-- A page of a workspace's conversations, newest first (the columns conversation_row reads).
-- $3: ",status,status," or '' for any; $4 channel; $5 customer; $6 assignee; $7 team;
-- $8: a tag as a LIKE pattern of its JSON string, or NULL; $9/$10: created within [from, to).
SELECT id, external_id, channel, status, subject, customer_id, assignee_id, agent, team, tags,
       satisfaction, locale, touchpoint_id, created_at, first_reply_at, resolved_at, reopens,
       updated_at
FROM conversations
WHERE workspace_id = $1
  AND ($2 IS NULL OR id < $2)
  AND ($3 = '' OR $3 LIKE '%,' || status || ',%')
  AND ($4 IS NULL OR channel = $4)
  AND ($5 IS NULL OR customer_id = $5)
  AND ($6 IS NULL OR assignee_id = $6)
  AND ($7 IS NULL OR team = $7)
  AND ($8 IS NULL OR tags LIKE $8 ESCAPE '\')
  AND ($9 IS NULL OR (created_at >= $9 AND created_at < $10))
ORDER BY id DESC
LIMIT $11
