ALTER TABLE `investor_pool_totals` ADD `return_of_capital` decimal(38,0) DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `investor_pool_totals` ADD `preferred_return` decimal(38,0) DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `investor_pool_totals` ADD `profit_share` decimal(38,0) DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `movements` ADD `return_of_capital` bigint;--> statement-breakpoint
ALTER TABLE `movements` ADD `preferred_return` bigint;--> statement-breakpoint
ALTER TABLE `movements` ADD `profit_share` bigint;