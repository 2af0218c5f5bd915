SELECT d.workspace_id, d.id, d.endpoint_id, d.attempts,
       e.kind, e.url, e.secret, e.previous_secret, e.previous_until,
       v.id AS event_id, v.event_type, v.payload, v.created_at AS event_at
FROM webhook_deliveries d
JOIN webhook_endpoints e ON e.workspace_id = d.workspace_id AND e.id = d.endpoint_id
JOIN webhook_events v ON v.workspace_id = d.workspace_id AND v.id = d.event_id
WHERE d.workspace_id = $1 AND d.id = $2
