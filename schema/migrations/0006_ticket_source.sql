CREATE TABLE `erased_tickets` (
	`workspace_id` text NOT NULL,
	`source` text NOT NULL,
	`ticket_hash` text NOT NULL,
	`erased_at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `source`, `ticket_hash`)
);
--> statement-breakpoint
DROP INDEX `interactions_ticket`;--> statement-breakpoint
CREATE UNIQUE INDEX `interactions_source_ticket` ON `interactions` (`workspace_id`,`source`,`ticket_id`);--> statement-breakpoint
DROP INDEX `responses_ticket`;--> statement-breakpoint
ALTER TABLE `responses` ADD `source` text DEFAULT 'own' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `responses_source_ticket` ON `responses` (`survey_id`,`source`,`ticket_id`);