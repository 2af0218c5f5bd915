SELECT id, survey_id, score, answers, comment, touchpoint_id, channel,
       locale, customer_id, attributes, submitted_at, client_key
FROM responses
WHERE workspace_id = $1
  AND submitted_at >= $2 AND submitted_at < $3
  AND ($4 IS NULL OR survey_id = $4)
  AND ($5 IS NULL OR touchpoint_id = $5)
  AND ($6 IS NULL OR locale = $6)
  -- Something written: a comment, or an open-text follow-up answer.
  AND ($7 = 0 OR comment <> '' OR answers LIKE '%"type":"text"%')
  AND ($8 IS NULL OR submitted_at < $8 OR (submitted_at = $8 AND id < $9))
ORDER BY submitted_at DESC, id DESC
LIMIT $10
