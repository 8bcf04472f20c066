-- Invitations issued before the invitations table existed were never stored: every answer
-- proves one, so each response gets its invitation back. Its day is the ticket's closing day
-- (the day a support tool invites), else the answer's own day.
INSERT OR IGNORE INTO invitations (workspace_id, survey_id, source, ticket_id, customer_key, invited_at, invited_day)
SELECT r.workspace_id, r.survey_id, r.source, r.ticket_id, i.customer_key,
       COALESCE(i.closed_at, r.submitted_at), COALESCE(i.closed_day, r.submitted_day)
FROM responses r
LEFT JOIN interactions i ON i.id = r.interaction_id;
