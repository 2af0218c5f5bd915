-- Responses of known customers in [$2, $3) by whether the customer has been sent a notice:
-- what the dashboard compares. Served by responses_by_time; each "sent a notice" by
-- change_notices_by_customer.
SELECT notified, survey_id, score, COUNT(*) AS n
FROM (
    SELECT r.survey_id, r.score,
           CASE WHEN EXISTS (
               SELECT 1 FROM change_notices n
               WHERE n.workspace_id = r.workspace_id AND n.customer_id = r.customer_id
                 AND n.sent_at IS NOT NULL
           ) THEN CAST(1 AS BIGINT) ELSE CAST(0 AS BIGINT) END AS notified
    FROM responses r
    WHERE r.workspace_id = $1 AND r.customer_id IS NOT NULL
      AND r.submitted_at >= $2 AND r.submitted_at < $3
) t
GROUP BY notified, survey_id, score
ORDER BY notified, survey_id, score
