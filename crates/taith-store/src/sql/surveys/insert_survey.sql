INSERT INTO surveys (
    workspace_id, id, public_id, name, kind, scale_low, scale_high, default_locale,
    definition, touchpoint_id, status, anonymous, throttle_days, created_at, updated_at
)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
