-- A page of a workspace's requests with their vote counts, oldest first by id. Served by the
-- primary key feature_requests(workspace_id, id), or feature_requests_by_status when a status
-- is asked for; each count by the primary key of feature_request_votes.
SELECT r.id, r.title, r.description, r.status, r.public_note, r.source, r.merged_into,
       r.created_at, r.updated_at,
       (SELECT COUNT(*) FROM feature_request_votes v
        WHERE v.workspace_id = r.workspace_id AND v.request_id = r.id) AS votes
FROM feature_requests r
WHERE r.workspace_id = $1
  AND r.id > $2
  AND ($3 IS NULL OR r.status = $3)
  AND ($4 = 1 OR r.merged_into IS NULL)
ORDER BY r.id
LIMIT $5
