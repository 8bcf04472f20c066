CREATE TABLE `invitations` (
	`workspace_id` text NOT NULL,
	`survey_id` text NOT NULL,
	`source` text NOT NULL,
	`ticket_id` text NOT NULL,
	`customer_key` text,
	`invited_at` integer NOT NULL,
	`invited_day` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `survey_id`, `source`, `ticket_id`)
);
--> statement-breakpoint
CREATE INDEX `invitations_day` ON `invitations` (`workspace_id`,`invited_day`);--> statement-breakpoint
CREATE INDEX `invitations_customer` ON `invitations` (`workspace_id`,`customer_key`,`invited_at`);--> statement-breakpoint
CREATE TABLE `target_misses` (
	`workspace_id` text NOT NULL,
	`target_id` text NOT NULL,
	`period` text NOT NULL,
	`data` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `target_id`, `period`)
);
--> statement-breakpoint
CREATE TABLE `targets` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`targets` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `surveys` ADD `accent` text;--> statement-breakpoint
ALTER TABLE `workspaces` ADD `survey_cooldown_days` integer DEFAULT 0 NOT NULL;