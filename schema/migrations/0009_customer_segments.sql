-- Customer segments (customer_tenure, value_tier), the rollups' new layout and the
-- responses_day index. Hand-edited after drizzle-kit:
-- * the rollup triggers are dropped first (0010 recreates them), so that renaming the
--   rebuilt table meets no trigger naming the dropped one;
-- * the copy writes '' for the new segment columns, which the old table does not have;
-- * the table is WITHOUT ROWID, its key in read order (workspace, grain, metric, day…):
--   the key is then the covering read path, and an upsert writes two b-trees (the table
--   and score_rollups_segment_read) instead of four (rowid table, key, two read indexes).
DROP TRIGGER IF EXISTS responses_rollup_insert;--> statement-breakpoint
DROP TRIGGER IF EXISTS responses_rollup_delete;--> statement-breakpoint
DROP TRIGGER IF EXISTS responses_rollup_update;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_score_rollups` (
	`workspace_id` text NOT NULL,
	`grain` text NOT NULL,
	`survey_id` text NOT NULL,
	`day` text NOT NULL,
	`channel` text NOT NULL,
	`request_type` text NOT NULL,
	`team` text NOT NULL,
	`agent` text NOT NULL,
	`customer_tenure` text DEFAULT '' NOT NULL,
	`value_tier` text DEFAULT '' NOT NULL,
	`metric` text NOT NULL,
	`value` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `grain`, `metric`, `day`, `survey_id`, `channel`, `request_type`, `agent`, `team`, `customer_tenure`, `value_tier`, `value`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_score_rollups`("workspace_id", "grain", "survey_id", "day", "channel", "request_type", "team", "agent", "customer_tenure", "value_tier", "metric", "value", "count") SELECT "workspace_id", "grain", "survey_id", "day", "channel", "request_type", "team", "agent", '', '', "metric", "value", "count" FROM `score_rollups`;--> statement-breakpoint
DROP TABLE `score_rollups`;--> statement-breakpoint
ALTER TABLE `__new_score_rollups` RENAME TO `score_rollups`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `score_rollups_segment_read` ON `score_rollups` (`workspace_id`,`grain`,`metric`,`channel`,`request_type`,`agent`,`team`,`customer_tenure`,`value_tier`,`day`,`survey_id`,`value`,`count`);--> statement-breakpoint
ALTER TABLE `interactions` ADD `customer_tenure` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `interactions` ADD `value_tier` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `responses` ADD `customer_tenure` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `responses` ADD `value_tier` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `responses_day` ON `responses` (`workspace_id`,`submitted_day`);--> statement-breakpoint
ALTER TABLE `workspaces` ADD `value_tier_currency` text;--> statement-breakpoint
ALTER TABLE `workspaces` ADD `value_tier_mid_minor` integer;--> statement-breakpoint
ALTER TABLE `workspaces` ADD `value_tier_high_minor` integer;