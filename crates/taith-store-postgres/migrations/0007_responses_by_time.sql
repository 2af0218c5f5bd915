-- The survey page's latest answers and the dashboard's comments feed read a workspace's
-- responses of a period newest first.
CREATE INDEX responses_by_time ON responses (workspace_id, submitted_at, id);
