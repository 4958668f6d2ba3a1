ALTER TABLE `movements` MODIFY COLUMN `type` enum('CONTRIBUTION','DISTRIBUTION','FEE','WITHDRAWAL','PROCEEDS') NOT NULL;--> statement-breakpoint
ALTER TABLE `investor_pool_totals` ADD `proceeds` decimal(38,0) DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `pool_totals` ADD `proceeds` decimal(38,0) DEFAULT 0 NOT NULL;