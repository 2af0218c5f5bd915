-- Every touchpoint of a workspace with its journey's name, by journey and then in the
-- journey's order. Served by touchpoints(workspace_id, journey_id, ...) and the primary key
-- journeys(workspace_id, id).
SELECT
    t.id,
    t.name,
    j.name AS journey
FROM touchpoints t
JOIN journeys j ON j.workspace_id = t.workspace_id AND j.id = t.journey_id
WHERE t.workspace_id = $1
ORDER BY j.id, t.position
