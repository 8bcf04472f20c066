CREATE TABLE `repurchase_day_rollups` (
	`workspace_id` text NOT NULL,
	`grain` text NOT NULL,
	`value` text NOT NULL,
	`day` text NOT NULL,
	`interactions` integer NOT NULL,
	`repurchased` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `grain`, `day`, `value`)
);
--> statement-breakpoint
CREATE TABLE `repurchase_order_days` (
	`workspace_id` text NOT NULL,
	`order_id` text NOT NULL,
	`grain` text NOT NULL,
	`value` text NOT NULL,
	`day` text NOT NULL,
	`next_day` text NOT NULL,
	`is_first` integer NOT NULL,
	`currency` text NOT NULL,
	`total_minor` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `order_id`, `grain`, `value`, `day`)
);
--> statement-breakpoint
CREATE TABLE `repurchase_revenue_rollups` (
	`workspace_id` text NOT NULL,
	`grain` text NOT NULL,
	`kind` text NOT NULL,
	`day` text NOT NULL,
	`next_day` text NOT NULL,
	`value` text NOT NULL,
	`orders` integer NOT NULL,
	`orders_by_currency` text NOT NULL,
	`minor_by_currency` text NOT NULL,
	PRIMARY KEY(`workspace_id`, `grain`, `kind`, `day`, `next_day`, `value`)
);
