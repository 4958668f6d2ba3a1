CREATE TABLE `notices` (
	`id` char(36) NOT NULL,
	`investor_id` char(36) NOT NULL,
	`pool_id` char(36) NOT NULL,
	`kind` varchar(32) NOT NULL,
	`amount_minor` bigint NOT NULL,
	`currency` char(3) NOT NULL,
	`message` varchar(500) NOT NULL,
	`transaction_id` char(36),
	`capital_call_id` char(36),
	`due_date` datetime(3),
	`occurred_at` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`read_at` datetime(3),
	`source_event_id` varchar(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	CONSTRAINT `notices_id` PRIMARY KEY(`id`),
	CONSTRAINT `notices_source_investor` UNIQUE(`source_event_id`,`investor_id`)
);
--> statement-breakpoint
CREATE INDEX `notices_investor_created` ON `notices` (`investor_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `notices_investor_unread` ON `notices` (`investor_id`,`read_at`);