CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`scopes` text NOT NULL,
	`key_hash` text NOT NULL,
	`prefix` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_hash` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE INDEX `api_keys_workspace` ON `api_keys` (`workspace_id`);--> statement-breakpoint
CREATE TABLE `customer_links` (
	`workspace_id` text NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	`customer_key` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `kind`, `value`)
);
--> statement-breakpoint
CREATE INDEX `customer_links_key` ON `customer_links` (`workspace_id`,`customer_key`);--> statement-breakpoint
CREATE TABLE `integrations` (
	`workspace_id` text NOT NULL,
	`source` text NOT NULL,
	`secret` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `source`)
);
--> statement-breakpoint
CREATE TABLE `interactions` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`ticket_id` text NOT NULL,
	`customer_key` text,
	`customer_id` text,
	`email_hash` text,
	`channel` text DEFAULT '' NOT NULL,
	`request_type` text DEFAULT '' NOT NULL,
	`agent` text DEFAULT '' NOT NULL,
	`team` text DEFAULT '' NOT NULL,
	`closed_at` integer NOT NULL,
	`closed_day` text NOT NULL,
	`source` text DEFAULT 'api' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interactions_ticket` ON `interactions` (`workspace_id`,`ticket_id`);--> statement-breakpoint
CREATE INDEX `interactions_day` ON `interactions` (`workspace_id`,`closed_day`);--> statement-breakpoint
CREATE INDEX `interactions_customer` ON `interactions` (`workspace_id`,`customer_key`,`closed_at`);--> statement-breakpoint
CREATE TABLE `orders` (
	`workspace_id` text NOT NULL,
	`order_id` text NOT NULL,
	`customer_key` text,
	`placed_at` integer,
	`total_minor` integer,
	`currency` text,
	`cancelled` integer DEFAULT false NOT NULL,
	`source` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `order_id`)
);
--> statement-breakpoint
CREATE INDEX `orders_customer` ON `orders` (`workspace_id`,`customer_key`,`placed_at`);--> statement-breakpoint
CREATE TABLE `responses` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`survey_id` text NOT NULL,
	`interaction_id` text,
	`ticket_id` text NOT NULL,
	`nps` integer,
	`csat` integer,
	`ces` integer,
	`comment` text,
	`locale` text,
	`submitted_at` integer NOT NULL,
	`submitted_day` text NOT NULL,
	`updated_at` integer NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`channel` text DEFAULT '' NOT NULL,
	`request_type` text DEFAULT '' NOT NULL,
	`agent` text DEFAULT '' NOT NULL,
	`team` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `responses_ticket` ON `responses` (`survey_id`,`ticket_id`);--> statement-breakpoint
CREATE INDEX `responses_newest` ON `responses` (`workspace_id`,`submitted_at`,`id`);--> statement-breakpoint
CREATE INDEX `responses_interaction` ON `responses` (`interaction_id`);--> statement-breakpoint
CREATE TABLE `score_rollups` (
	`workspace_id` text NOT NULL,
	`grain` text NOT NULL,
	`survey_id` text NOT NULL,
	`day` text NOT NULL,
	`channel` text NOT NULL,
	`request_type` text NOT NULL,
	`team` text NOT NULL,
	`agent` text NOT NULL,
	`metric` text NOT NULL,
	`value` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `grain`, `day`, `survey_id`, `channel`, `request_type`, `team`, `agent`, `metric`, `value`)
);
--> statement-breakpoint
CREATE TABLE `surveys` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`questions` text NOT NULL,
	`comment` integer DEFAULT false NOT NULL,
	`ces_scale` text DEFAULT 'agree7' NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `surveys_workspace` ON `surveys` (`workspace_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`workspace_id` text NOT NULL,
	`source` text NOT NULL,
	`delivery_id` text NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `source`, `delivery_id`)
);
--> statement-breakpoint
CREATE TABLE `workspaces` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`timezone` text DEFAULT 'UTC' NOT NULL,
	`created_at` integer NOT NULL
);
