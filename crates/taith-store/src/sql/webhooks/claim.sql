-- Takes due deliveries no other node holds. The conditions are repeated on the row being
-- updated, so that on PostgreSQL a row claimed by a concurrent statement meanwhile is
-- re-checked and skipped, not claimed twice.
UPDATE webhook_deliveries SET claimed_until = $1
WHERE state = 'pending'
  AND next_attempt_at <= $2
  AND (claimed_until IS NULL OR claimed_until < $2)
  AND id IN (
      SELECT id FROM webhook_deliveries
      WHERE state = 'pending'
        AND next_attempt_at <= $2
        AND (claimed_until IS NULL OR claimed_until < $2)
      ORDER BY next_attempt_at
      LIMIT $3
  )
RETURNING workspace_id, id
