-- One request with its vote count (primary keys of both tables).
SELECT r.id, r.title, r.description, r.status, r.public_note, r.source, r.merged_into,
       r.created_at, r.updated_at,
       (SELECT COUNT(*) FROM feature_request_votes v
        WHERE v.workspace_id = r.workspace_id AND v.request_id = r.id) AS votes
FROM feature_requests r
WHERE r.workspace_id = $1 AND r.id = $2
