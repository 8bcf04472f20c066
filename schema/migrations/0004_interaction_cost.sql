ALTER TABLE `interactions` ADD `handling_seconds` integer;--> statement-breakpoint
ALTER TABLE `interactions` ADD `compensation_minor` integer;--> statement-breakpoint
ALTER TABLE `interactions` ADD `compensation_currency` text;--> statement-breakpoint
ALTER TABLE `workspaces` ADD `cost_per_hour_minor` integer;--> statement-breakpoint
ALTER TABLE `workspaces` ADD `cost_per_hour_currency` text;