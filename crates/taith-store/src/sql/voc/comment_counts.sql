-- Analysed comments counted by survey, score, sentiment, language and day.
SELECT NULL AS theme_id, r.survey_id, r.score, c.sentiment, c.language,
       r.submitted_at / 86400000000 AS day, COUNT(*) AS n
FROM voc_comments c
JOIN responses r ON r.workspace_id = c.workspace_id AND r.id = c.response_id
WHERE c.workspace_id = $1
  AND r.submitted_at >= $2 AND r.submitted_at < $3
  AND ($4 IS NULL OR r.survey_id = $4)
  AND ($5 IS NULL OR r.touchpoint_id = $5)
  AND ($6 IS NULL OR r.channel = $6)
  AND ($7 IS NULL OR r.locale = $7)
GROUP BY r.survey_id, r.score, c.sentiment, c.language, r.submitted_at / 86400000000
