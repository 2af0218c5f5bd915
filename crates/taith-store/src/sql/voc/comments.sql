SELECT r.id, r.survey_id, r.score, r.answers, r.comment, r.touchpoint_id, r.channel,
       r.locale, r.customer_id, r.attributes, r.submitted_at, r.client_key,
       c.language, c.language_confidence, c.sentiment, c.sentiment_confidence, c.phrases,
       c.search_text
FROM responses r
JOIN voc_comments c ON c.workspace_id = r.workspace_id AND c.response_id = r.id
WHERE r.workspace_id = $1
  AND r.submitted_at >= $2 AND r.submitted_at < $3
  AND ($4 IS NULL OR r.survey_id = $4)
  AND ($5 IS NULL OR r.touchpoint_id = $5)
  AND ($6 IS NULL OR r.channel = $6)
  AND ($7 IS NULL OR r.locale = $7)
  AND ($8 IS NULL OR c.language = $8)
  AND ($9 IS NULL OR c.sentiment = $9)
  AND ($10 IS NULL OR EXISTS (
        SELECT 1 FROM voc_comment_themes t
        WHERE t.workspace_id = r.workspace_id AND t.theme_id = $10 AND t.response_id = r.id))
  AND ($11 IS NULL OR r.customer_id = $11)
  AND ($12 IS NULL OR c.search_text LIKE $12 ESCAPE '\')
  AND ($13 IS NULL OR r.submitted_at < $13 OR (r.submitted_at = $13 AND r.id < $14))
ORDER BY r.submitted_at DESC, r.id DESC
LIMIT $15
