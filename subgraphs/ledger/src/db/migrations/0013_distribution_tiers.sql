ALTER TABLE `transactions` ADD `tier_return_of_capital` bigint;--> statement-breakpoint
ALTER TABLE `transactions` ADD `tier_preferred_return` bigint;--> statement-breakpoint
ALTER TABLE `transactions` ADD `tier_profit_share` bigint;