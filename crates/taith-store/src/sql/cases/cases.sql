-- A page of a workspace's cases, newest first (the columns case_row reads).
-- $3: ",status,status," or '' for any; $4: owner filter (0 any, 1 = $5, 2 unowned);
-- $6: only the member's own and unowned ones; $8: overdue at this moment;
-- $9/$10: opened within [from, to).
SELECT id, number, source, response_id, feature_request_id, survey_id, customer_id,
       touchpoint_id, owner_id, status, root_cause_id, opened_at, first_action_at, closed_at,
       first_action_due, resolve_due, version, updated_at
FROM cases
WHERE workspace_id = $1
  AND ($2 IS NULL OR id < $2)
  AND ($3 = '' OR $3 LIKE '%,' || status || ',%')
  AND ($4 = 0 OR ($4 = 1 AND owner_id = $5) OR ($4 = 2 AND owner_id IS NULL))
  AND ($6 IS NULL OR owner_id = $6 OR owner_id IS NULL)
  AND ($7 IS NULL OR touchpoint_id = $7)
  AND ($8 IS NULL OR (status NOT IN ('resolved', 'closed_no_action')
       AND (resolve_due < $8 OR (first_action_at IS NULL AND first_action_due < $8))))
  AND ($9 IS NULL OR (opened_at >= $9 AND opened_at < $10))
ORDER BY id DESC
LIMIT $11
