SELECT p.workspace_id, p.queued_at,
       r.id, r.survey_id, r.score, r.answers, r.comment, r.touchpoint_id, r.channel,
       r.locale, r.customer_id, r.attributes, r.submitted_at, r.client_key
FROM hooks_pending p
JOIN responses r ON r.workspace_id = p.workspace_id AND r.id = p.response_id
ORDER BY p.queued_at
LIMIT $1
