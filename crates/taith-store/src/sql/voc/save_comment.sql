-- Only while the response exists and still has text: it may have been deleted since it was
-- read, or its customer erased (which empties the comment and written answers), and an
-- analysis saved then would put the erased words back.
INSERT INTO voc_comments (workspace_id, response_id, language, language_confidence, sentiment,
                          sentiment_confidence, phrases, search_text, analysed_at)
SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9
WHERE EXISTS (SELECT 1 FROM responses WHERE workspace_id = $1 AND id = $2
              AND (comment <> '' OR answers LIKE '%"type":"text"%'))
ON CONFLICT (workspace_id, response_id) DO UPDATE SET
    language = excluded.language,
    language_confidence = excluded.language_confidence,
    sentiment = excluded.sentiment,
    sentiment_confidence = excluded.sentiment_confidence,
    phrases = excluded.phrases,
    search_text = excluded.search_text,
    analysed_at = excluded.analysed_at
