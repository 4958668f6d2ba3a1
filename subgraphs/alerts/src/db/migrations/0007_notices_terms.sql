ALTER TABLE `notices` ADD `fee_period_start` datetime(3);--> statement-breakpoint
ALTER TABLE `notices` ADD `fee_period_end` datetime(3);--> statement-breakpoint
ALTER TABLE `notices` ADD `return_of_capital_minor` bigint;--> statement-breakpoint
ALTER TABLE `notices` ADD `preferred_return_minor` bigint;--> statement-breakpoint
ALTER TABLE `notices` ADD `profit_share_minor` bigint;