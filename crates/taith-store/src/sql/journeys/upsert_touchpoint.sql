-- Writes one touchpoint of a journey being saved, keeping its id. The WHERE makes a
-- touchpoint id of another journey write no row (the caller then fails the save).
INSERT INTO touchpoints (
    workspace_id, journey_id, id, stage_id, position, name, channel, owner_member_id,
    owner_team, description, moment_of_truth
)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
ON CONFLICT (workspace_id, id) DO UPDATE SET
    stage_id = excluded.stage_id,
    position = excluded.position,
    name = excluded.name,
    channel = excluded.channel,
    owner_member_id = excluded.owner_member_id,
    owner_team = excluded.owner_team,
    description = excluded.description,
    moment_of_truth = excluded.moment_of_truth
WHERE touchpoints.journey_id = excluded.journey_id
