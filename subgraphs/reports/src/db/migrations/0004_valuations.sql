CREATE TABLE `valuations` (
	`id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`pool_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`valuation_date` date NOT NULL,
	`currency` char(3) NOT NULL,
	`value_minor` bigint NOT NULL,
	`note` varchar(1000),
	`recorded_by` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`recorded_at` datetime(3) NOT NULL,
	CONSTRAINT `valuations_pool_id_valuation_date_pk` PRIMARY KEY(`pool_id`,`valuation_date`),
	CONSTRAINT `valuations_id` UNIQUE(`id`)
);
--> statement-breakpoint
ALTER TABLE `pool_facts` ADD `created_at` datetime(3);--> statement-breakpoint
CREATE INDEX `movements_pool` ON `movements` (`pool_id`,`investor_id`,`occurred_at`);