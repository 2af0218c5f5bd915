-- Theme mentions counted by theme, survey, score, sentiment, language and day.
SELECT t.theme_id, r.survey_id, r.score, c.sentiment, c.language,
       r.submitted_at / 86400000000 AS day, COUNT(*) AS n
FROM voc_comment_themes t
JOIN voc_comments c ON c.workspace_id = t.workspace_id AND c.response_id = t.response_id
JOIN responses r ON r.workspace_id = t.workspace_id AND r.id = t.response_id
WHERE t.workspace_id = $1
  AND r.submitted_at >= $2 AND r.submitted_at < $3
  AND ($4 IS NULL OR r.survey_id = $4)
  AND ($5 IS NULL OR r.touchpoint_id = $5)
  AND ($6 IS NULL OR r.channel = $6)
  AND ($7 IS NULL OR r.locale = $7)
GROUP BY t.theme_id, r.survey_id, r.score, c.sentiment, c.language,
         r.submitted_at / 86400000000
