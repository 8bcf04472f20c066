CREATE TABLE `event_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`endpoint_id` text NOT NULL,
	`type` text NOT NULL,
	`subject_id` text NOT NULL,
	`interaction_id` text,
	`payload` text,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_status` integer,
	`last_error` text,
	`last_attempt_at` integer,
	`next_attempt_at` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `event_deliveries_endpoint` ON `event_deliveries` (`endpoint_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `event_deliveries_pending` ON `event_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `event_deliveries_interaction` ON `event_deliveries` (`interaction_id`);--> statement-breakpoint
CREATE TABLE `follow_up_settings` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`rules` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`response_id` text NOT NULL,
	`interaction_id` text,
	`survey_id` text NOT NULL,
	`ticket_id` text NOT NULL,
	`status` text NOT NULL,
	`assignee` text,
	`note` text,
	`resolution` text,
	`opened_at` integer NOT NULL,
	`opened_day` text NOT NULL,
	`contacted_at` integer,
	`resolved_at` integer,
	`updated_at` integer NOT NULL,
	`change_id` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `follow_ups_response` ON `follow_ups` (`response_id`);--> statement-breakpoint
CREATE INDEX `follow_ups_inbox` ON `follow_ups` (`workspace_id`,`status`,`opened_at`,`id`);--> statement-breakpoint
CREATE INDEX `follow_ups_opened` ON `follow_ups` (`workspace_id`,`opened_day`);--> statement-breakpoint
CREATE INDEX `follow_ups_interaction` ON `follow_ups` (`interaction_id`);--> statement-breakpoint
CREATE INDEX `follow_ups_change` ON `follow_ups` (`change_id`);--> statement-breakpoint
CREATE TABLE `webhook_endpoints` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`url` text NOT NULL,
	`events` text NOT NULL,
	`format` text NOT NULL,
	`description` text,
	`secret` text NOT NULL,
	`locale` text DEFAULT 'en' NOT NULL,
	`dashboard_url` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `webhook_endpoints_workspace` ON `webhook_endpoints` (`workspace_id`);