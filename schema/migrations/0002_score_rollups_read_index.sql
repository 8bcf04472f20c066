-- Score reads filter on (workspace, grain, metric, day range) and sum `count` by value.
-- The primary key starts (workspace_id, grain, day), so without this index a read
-- also walks the other metrics' rows and looks each row up in the table for `count`.
-- This covering index serves the read from the index alone: rows_read is the number
-- of matching histogram bars, plus one.
CREATE INDEX score_rollups_read ON score_rollups (workspace_id, grain, metric, day, survey_id, channel, request_type, team, agent, value, count);
