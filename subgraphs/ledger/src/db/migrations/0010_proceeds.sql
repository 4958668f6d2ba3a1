ALTER TABLE `transactions` MODIFY COLUMN `type` enum('CONTRIBUTION','DISTRIBUTION','FEE','WITHDRAWAL','PROCEEDS') NOT NULL;--> statement-breakpoint
ALTER TABLE `investor_accounts` ADD `proceeds` bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `pool_accounts` ADD `total_proceeds` bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `transactions` ADD `note` varchar(500);