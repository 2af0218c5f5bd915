-- A merge: the loser's ($2) comments linked to the survivor ($3), a comment linked to both
-- once.
INSERT INTO feature_request_links (workspace_id, request_id, response_id, customer_id, created_at)
SELECT workspace_id, $3, response_id, customer_id, created_at
FROM feature_request_links
WHERE workspace_id = $1 AND request_id = $2
ON CONFLICT DO NOTHING
