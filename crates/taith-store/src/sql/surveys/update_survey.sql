UPDATE surveys SET
    name = $1,
    kind = $2,
    scale_low = $3,
    scale_high = $4,
    default_locale = $5,
    definition = $6,
    touchpoint_id = $7,
    status = $8,
    anonymous = $9,
    throttle_days = $10,
    updated_at = $11
WHERE workspace_id = $12 AND id = $13
RETURNING public_id, created_at
