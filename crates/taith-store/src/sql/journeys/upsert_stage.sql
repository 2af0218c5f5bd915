-- Writes one stage of a journey being saved, keeping its id. The WHERE makes a stage id of
-- another journey write no row (the caller then fails the save).
INSERT INTO stages (
    workspace_id, journey_id, id, position, name, actions, thoughts, emotions, emotion,
    pain_points, opportunities
)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
ON CONFLICT (workspace_id, id) DO UPDATE SET
    position = excluded.position,
    name = excluded.name,
    actions = excluded.actions,
    thoughts = excluded.thoughts,
    emotions = excluded.emotions,
    emotion = excluded.emotion,
    pain_points = excluded.pain_points,
    opportunities = excluded.opportunities
WHERE stages.journey_id = excluded.journey_id
