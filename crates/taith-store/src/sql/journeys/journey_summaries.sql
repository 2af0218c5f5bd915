-- A page of a workspace's journeys with their sizes. Served by the primary key
-- journeys(workspace_id, id); the counts by the indexes stages(workspace_id, journey_id, id)
-- and touchpoints(workspace_id, journey_id, stage_id).
SELECT
    j.id,
    j.name,
    j.persona_id,
    j.version,
    j.updated_at,
    (SELECT COUNT(*) FROM stages s
        WHERE s.workspace_id = j.workspace_id AND s.journey_id = j.id) AS stage_count,
    (SELECT COUNT(*) FROM touchpoints t
        WHERE t.workspace_id = j.workspace_id AND t.journey_id = j.id) AS touchpoint_count
FROM journeys j
WHERE j.workspace_id = $1 AND j.id > $2
ORDER BY j.id
LIMIT $3
