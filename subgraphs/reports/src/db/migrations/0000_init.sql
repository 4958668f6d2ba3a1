CREATE TABLE `contributions` (
	`transaction_id` char(36) NOT NULL,
	`investor_id` char(36) NOT NULL,
	`pool_id` char(36) NOT NULL,
	`currency` char(3) NOT NULL,
	`amount_minor` bigint NOT NULL,
	`occurred_at` datetime(3) NOT NULL,
	CONSTRAINT `contributions_transaction_id` PRIMARY KEY(`transaction_id`)
);
--> statement-breakpoint
CREATE INDEX `contributions_ranking` ON `contributions` (`currency`,`occurred_at`,`investor_id`,`pool_id`,`amount_minor`);