-- Changes with their notice counts: one change ($2), or a page newest first ($2 = NULL, before
-- the cursor $3, at most $4). Served by the primary key changes(workspace_id, id); each count
-- by the primary key of change_notices (workspace_id, change_id, …).
SELECT ch.id, ch.source_kind, ch.source_id, ch.source_title, ch.public_note, ch.created_by,
       ch.created_at,
       (SELECT COUNT(*) FROM change_notices n
        WHERE n.workspace_id = ch.workspace_id AND n.change_id = ch.id) AS recipients,
       (SELECT COUNT(*) FROM change_notices n
        WHERE n.workspace_id = ch.workspace_id AND n.change_id = ch.id
          AND n.sent_at IS NOT NULL) AS sent,
       (SELECT COUNT(*) FROM change_notices n
        JOIN customers c ON c.workspace_id = n.workspace_id AND c.id = n.customer_id
        WHERE n.workspace_id = ch.workspace_id AND n.change_id = ch.id AND n.sent_at IS NULL
          AND (c.notices_opted_out_at IS NOT NULL OR c.email IS NULL)) AS opted_out
FROM changes ch
WHERE ch.workspace_id = $1
  AND ($2 IS NULL OR ch.id = $2)
  AND ch.id < $3
ORDER BY ch.id DESC
LIMIT $4
