CREATE TABLE `payments` (
	`transaction_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`provider` enum('stripe','bank') NOT NULL,
	`method` enum('CARD','BANK_TRANSFER') NOT NULL,
	`pool_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`investor_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`amount` bigint NOT NULL,
	`currency` char(3) NOT NULL,
	`provider_payment_id` varchar(255) CHARACTER SET ascii COLLATE ascii_bin,
	`reference` varchar(32) CHARACTER SET ascii COLLATE ascii_bin,
	`provider_status` varchar(64) NOT NULL DEFAULT 'creating',
	`received_amount` bigint,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `payments_transaction_id` PRIMARY KEY(`transaction_id`),
	CONSTRAINT `payments_provider_id` UNIQUE(`provider`,`provider_payment_id`),
	CONSTRAINT `payments_reference` UNIQUE(`reference`)
);
--> statement-breakpoint
CREATE TABLE `provider_events` (
	`provider` enum('stripe','bank') NOT NULL,
	`event_id` varchar(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`type` varchar(128) NOT NULL,
	`payload` mediumtext NOT NULL,
	`received_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`processed_at` datetime(3),
	`outcome` varchar(255),
	CONSTRAINT `provider_events_provider_event_id_pk` PRIMARY KEY(`provider`,`event_id`)
);
--> statement-breakpoint
ALTER TABLE `investor_accounts` ADD `pending_in` bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `investor_accounts` ADD `pending_out` bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `pool_accounts` ADD `pending_in` bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `pool_accounts` ADD `pending_out` bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `transactions` ADD `reserved_amount` bigint;--> statement-breakpoint
ALTER TABLE `transactions` ADD `expires_at` datetime(3);--> statement-breakpoint
ALTER TABLE `transactions` ADD `settled_at` datetime(3);--> statement-breakpoint
CREATE INDEX `payments_pool` ON `payments` (`pool_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `transactions_expiry` ON `transactions` (`status`,`expires_at`);