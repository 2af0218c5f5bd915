-- A cheap fingerprint of a workspace's surveys and journeys ($1: the workspace), for the
-- metrics context cache. Served by the primary keys surveys(workspace_id, id) and
-- journeys(workspace_id, id). Sums are cast back to BIGINT (PostgreSQL sums BIGINT as
-- NUMERIC); updated_at is summed modulo a prime so the checksum cannot overflow.
SELECT
    (SELECT COUNT(*) FROM surveys WHERE workspace_id = $1) AS s_n,
    (SELECT COALESCE(MAX(updated_at), 0) FROM surveys WHERE workspace_id = $1) AS s_max,
    (SELECT CAST(COALESCE(SUM(updated_at % 1000000007), 0) AS BIGINT)
       FROM surveys WHERE workspace_id = $1) AS s_sum,
    (SELECT COUNT(*) FROM journeys WHERE workspace_id = $1) AS j_n,
    (SELECT COALESCE(MAX(updated_at), 0) FROM journeys WHERE workspace_id = $1) AS j_max,
    (SELECT CAST(COALESCE(SUM(updated_at % 1000000007), 0) AS BIGINT)
       FROM journeys WHERE workspace_id = $1) AS j_sum,
    (SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) FROM journeys
      WHERE workspace_id = $1) AS j_versions
