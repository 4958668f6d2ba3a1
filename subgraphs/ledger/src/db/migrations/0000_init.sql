CREATE TABLE `entries` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`transaction_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`pool_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`investor_id` char(36) CHARACTER SET ascii COLLATE ascii_bin,
	`amount` bigint NOT NULL,
	`currency` char(3) NOT NULL,
	CONSTRAINT `entries_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`actor_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`idempotency_key` varchar(200) NOT NULL,
	`id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`operation` varchar(32) NOT NULL,
	`request_hash` char(64) NOT NULL,
	`currency` char(3) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `idempotency_keys_idempotency_key_actor_id_pk` PRIMARY KEY(`idempotency_key`,`actor_id`),
	CONSTRAINT `idempotency_keys_id` UNIQUE(`id`)
);
--> statement-breakpoint
CREATE TABLE `investor_accounts` (
	`pool_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`investor_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`currency` char(3) NOT NULL,
	`capital_balance` bigint NOT NULL DEFAULT 0,
	`contributed` bigint NOT NULL DEFAULT 0,
	`distributed` bigint NOT NULL DEFAULT 0,
	`fees` bigint NOT NULL DEFAULT 0,
	`withdrawn` bigint NOT NULL DEFAULT 0,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `investor_accounts_pool_id_investor_id_pk` PRIMARY KEY(`pool_id`,`investor_id`)
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` bigint unsigned AUTO_INCREMENT NOT NULL,
	`id` varchar(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`type` varchar(64) NOT NULL,
	`aggregate_id` varchar(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`payload` json NOT NULL,
	`occurred_at` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`published_at` datetime(3),
	CONSTRAINT `outbox_seq` PRIMARY KEY(`seq`),
	CONSTRAINT `outbox_id` UNIQUE(`id`)
);
--> statement-breakpoint
CREATE TABLE `pool_accounts` (
	`pool_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`currency` char(3) NOT NULL,
	`manager_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`cash_balance` bigint NOT NULL DEFAULT 0,
	`total_contributed` bigint NOT NULL DEFAULT 0,
	`total_distributed` bigint NOT NULL DEFAULT 0,
	`total_fees` bigint NOT NULL DEFAULT 0,
	`total_withdrawn` bigint NOT NULL DEFAULT 0,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `pool_accounts_pool_id` PRIMARY KEY(`pool_id`)
);
--> statement-breakpoint
CREATE TABLE `transactions` (
	`id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`pool_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`investor_id` char(36) CHARACTER SET ascii COLLATE ascii_bin,
	`type` enum('CONTRIBUTION','DISTRIBUTION','FEE','WITHDRAWAL') NOT NULL,
	`amount` bigint NOT NULL,
	`currency` char(3) NOT NULL,
	`status` enum('PENDING','POSTED','VOIDED') NOT NULL DEFAULT 'POSTED',
	`request_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`occurred_at` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `transactions_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `entries_transaction` ON `entries` (`transaction_id`);--> statement-breakpoint
CREATE INDEX `investor_accounts_investor` ON `investor_accounts` (`investor_id`);--> statement-breakpoint
CREATE INDEX `outbox_unpublished` ON `outbox` (`published_at`,`seq`);--> statement-breakpoint
CREATE INDEX `transactions_pool` ON `transactions` (`pool_id`,`id`);--> statement-breakpoint
CREATE INDEX `transactions_pool_investor` ON `transactions` (`pool_id`,`investor_id`,`id`);--> statement-breakpoint
CREATE INDEX `transactions_request` ON `transactions` (`request_id`);