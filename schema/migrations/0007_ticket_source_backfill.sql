-- Tickets are (source, ticket_id) from migration 0006 on. Rows written before
-- recorded who created the ticket in interactions.source: 'api' for
-- POST /v1/invitations, 'standard' for interaction.closed events, 'demo' for the
-- demo shop, else the support tool's name. The first three are the workspace's
-- own numbering, now called 'own'. The old unique key (workspace, ticket_id)
-- guarantees these updates cannot collide under the new (workspace, source,
-- ticket_id) key. No trigger watches interactions.source.
UPDATE interactions SET source = 'own' WHERE source IN ('api', 'standard', 'demo');
--> statement-breakpoint
-- An answer belongs to its ticket's source; an answer whose ticket is gone
-- (interaction_id NULL) keeps the column's default 'own'. The rollup triggers
-- fire only on changed scores or segments, so this update leaves them alone.
UPDATE responses SET source = (SELECT i.source FROM interactions i WHERE i.id = responses.interaction_id)
WHERE interaction_id IS NOT NULL AND EXISTS (SELECT 1 FROM interactions i WHERE i.id = responses.interaction_id);
