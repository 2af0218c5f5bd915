-- Served by webhook_deliveries_by_endpoint.
SELECT d.id, d.endpoint_id, d.event_id, v.event_type, d.state, d.attempts, d.next_attempt_at,
       d.last_status_code, d.last_error, d.created_at, d.updated_at
FROM webhook_deliveries d
JOIN webhook_events v ON v.workspace_id = d.workspace_id AND v.id = d.event_id
WHERE d.workspace_id = $1 AND d.endpoint_id = $2 AND ($3 IS NULL OR d.id < $3)
ORDER BY d.id DESC
LIMIT $4
