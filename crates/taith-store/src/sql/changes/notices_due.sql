-- Every workspace's unsent notices not held by a worker at $1, to customers with an e-mail
-- address who have not opted out, oldest claim first, at most $2. Served by
-- change_notices_unsent.
SELECT n.workspace_id, n.change_id, n.customer_id, n.locale, n.token, c.email, c.name,
       ch.public_note
FROM change_notices n
JOIN customers c ON c.workspace_id = n.workspace_id AND c.id = n.customer_id
JOIN changes ch ON ch.workspace_id = n.workspace_id AND ch.id = n.change_id
WHERE n.sent_at IS NULL AND n.claimed_until < $1
  AND c.email IS NOT NULL AND c.notices_opted_out_at IS NULL
ORDER BY n.claimed_until, n.created_at
LIMIT $2
