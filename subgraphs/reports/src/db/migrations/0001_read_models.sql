CREATE TABLE `applied_transactions` (
	`event_id` varchar(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`processed_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `applied_transactions_event_id` PRIMARY KEY(`event_id`)
);
--> statement-breakpoint
CREATE TABLE `investor_pool_totals` (
	`investor_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`pool_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`currency` char(3) NOT NULL,
	`contributed` decimal(38,0) NOT NULL DEFAULT 0,
	`distributed` decimal(38,0) NOT NULL DEFAULT 0,
	`fees` decimal(38,0) NOT NULL DEFAULT 0,
	`withdrawn` decimal(38,0) NOT NULL DEFAULT 0,
	CONSTRAINT `investor_pool_totals_investor_id_pool_id_pk` PRIMARY KEY(`investor_id`,`pool_id`)
);
--> statement-breakpoint
CREATE TABLE `investor_rankings` (
	`kind` char(1) NOT NULL,
	`period_start` date NOT NULL,
	`currency` char(3) NOT NULL,
	`investor_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`unique_pools` int NOT NULL,
	`total_minor` decimal(38,0) NOT NULL DEFAULT 0,
	CONSTRAINT `investor_rankings_kind_period_start_currency_investor_id_pk` PRIMARY KEY(`kind`,`period_start`,`currency`,`investor_id`)
);
--> statement-breakpoint
CREATE TABLE `movements` (
	`transaction_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`investor_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`pool_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`type` enum('CONTRIBUTION','DISTRIBUTION','FEE','WITHDRAWAL') NOT NULL,
	`currency` char(3) NOT NULL,
	`amount_minor` bigint NOT NULL,
	`occurred_at` datetime(3) NOT NULL,
	CONSTRAINT `movements_transaction_id_investor_id_pk` PRIMARY KEY(`transaction_id`,`investor_id`)
);
--> statement-breakpoint
CREATE TABLE `period_contributions` (
	`investor_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`pool_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`kind` char(1) NOT NULL,
	`period_start` date NOT NULL,
	`currency` char(3) NOT NULL,
	`amount` decimal(38,0) NOT NULL DEFAULT 0,
	CONSTRAINT `period_contributions_investor_id_pool_id_kind_period_start_pk` PRIMARY KEY(`investor_id`,`pool_id`,`kind`,`period_start`)
);
--> statement-breakpoint
CREATE TABLE `pool_days` (
	`pool_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`day` date NOT NULL,
	`contributed` decimal(38,0) NOT NULL DEFAULT 0,
	`distributed` decimal(38,0) NOT NULL DEFAULT 0,
	CONSTRAINT `pool_days_pool_id_day_pk` PRIMARY KEY(`pool_id`,`day`)
);
--> statement-breakpoint
CREATE TABLE `pool_facts` (
	`pool_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`revision` int NOT NULL,
	`name` varchar(200) NOT NULL,
	`currency` char(3) NOT NULL,
	`manager_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`status` varchar(16) NOT NULL,
	`target_minor` bigint,
	`committed_minor` decimal(38,0) NOT NULL DEFAULT 0,
	`called_minor` decimal(38,0) NOT NULL DEFAULT 0,
	`member_count` int NOT NULL,
	CONSTRAINT `pool_facts_pool_id` PRIMARY KEY(`pool_id`)
);
--> statement-breakpoint
CREATE TABLE `pool_totals` (
	`pool_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`currency` char(3) NOT NULL,
	`contributed` decimal(38,0) NOT NULL DEFAULT 0,
	`distributed` decimal(38,0) NOT NULL DEFAULT 0,
	`fees` decimal(38,0) NOT NULL DEFAULT 0,
	`withdrawn` decimal(38,0) NOT NULL DEFAULT 0,
	CONSTRAINT `pool_totals_pool_id` PRIMARY KEY(`pool_id`)
);
--> statement-breakpoint
CREATE TABLE `read_model_state` (
	`id` tinyint NOT NULL,
	`last_event_at` datetime(3),
	`last_applied_at` datetime(3),
	CONSTRAINT `read_model_state_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `contributions` MODIFY COLUMN `transaction_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;--> statement-breakpoint
ALTER TABLE `contributions` MODIFY COLUMN `investor_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;--> statement-breakpoint
ALTER TABLE `contributions` MODIFY COLUMN `pool_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;--> statement-breakpoint
CREATE INDEX `investor_pool_totals_pool` ON `investor_pool_totals` (`pool_id`,`investor_id`);--> statement-breakpoint
CREATE INDEX `investor_rankings_order` ON `investor_rankings` (`kind`,`period_start`,`currency`,`unique_pools` DESC,`total_minor` DESC,`investor_id`);--> statement-breakpoint
CREATE INDEX `movements_investor` ON `movements` (`investor_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `period_contributions_range` ON `period_contributions` (`currency`,`kind`,`period_start`,`investor_id`,`pool_id`,`amount`);--> statement-breakpoint
CREATE INDEX `period_contributions_pool` ON `period_contributions` (`pool_id`,`kind`,`period_start`);--> statement-breakpoint
CREATE INDEX `pool_facts_manager` ON `pool_facts` (`manager_id`,`pool_id`);--> statement-breakpoint
CREATE INDEX `contributions_pool` ON `contributions` (`pool_id`,`occurred_at`);