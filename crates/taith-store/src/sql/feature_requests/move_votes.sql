-- A merge: the loser's ($2) votes counted for the survivor ($3), a voter who voted for both
-- once. (SQLite needs the WHERE to read ON CONFLICT as the upsert clause.)
INSERT INTO feature_request_votes (workspace_id, request_id, voter, customer_id, created_at)
SELECT workspace_id, $3, voter, customer_id, created_at
FROM feature_request_votes
WHERE workspace_id = $1 AND request_id = $2
ON CONFLICT DO NOTHING
