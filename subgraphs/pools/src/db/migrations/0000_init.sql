CREATE TABLE `capital_call_items` (
	`call_id` char(36) NOT NULL,
	`pool_id` char(36) NOT NULL,
	`investor_id` char(36) NOT NULL,
	`due_date` datetime(3) NOT NULL,
	`called_minor` bigint NOT NULL,
	`paid_minor` bigint NOT NULL DEFAULT 0,
	CONSTRAINT `capital_call_items_call_id_investor_id_pk` PRIMARY KEY(`call_id`,`investor_id`)
);
--> statement-breakpoint
CREATE TABLE `capital_calls` (
	`id` char(36) NOT NULL,
	`pool_id` char(36) NOT NULL,
	`percent` decimal(7,4) NOT NULL,
	`due_date` datetime(3) NOT NULL,
	`created_by` char(36) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `capital_calls_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` char(36) NOT NULL,
	`pool_id` char(36) NOT NULL,
	`investor_id` char(36) NOT NULL,
	`commitment_minor` bigint NOT NULL,
	`credit_minor` bigint NOT NULL DEFAULT 0,
	`added_by` char(36),
	`joined_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `memberships_id` PRIMARY KEY(`id`),
	CONSTRAINT `memberships_pool_investor` UNIQUE(`pool_id`,`investor_id`)
);
--> statement-breakpoint
CREATE TABLE `pools` (
	`id` char(36) NOT NULL,
	`manager_id` char(36) NOT NULL,
	`name` varchar(200) NOT NULL,
	`description` text,
	`currency` char(3) NOT NULL,
	`target_minor` bigint,
	`min_contribution_minor` bigint,
	`max_investors` int,
	`status` enum('DRAFT','OPEN','CLOSED','ARCHIVED') NOT NULL DEFAULT 'DRAFT',
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `pools_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `processed_events` (
	`event_id` char(36) NOT NULL,
	`processed_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `processed_events_event_id` PRIMARY KEY(`event_id`)
);
--> statement-breakpoint
CREATE INDEX `capital_call_items_member_due` ON `capital_call_items` (`pool_id`,`investor_id`,`due_date`,`call_id`);--> statement-breakpoint
CREATE INDEX `capital_calls_pool_due` ON `capital_calls` (`pool_id`,`due_date`,`id`);--> statement-breakpoint
CREATE INDEX `memberships_investor` ON `memberships` (`investor_id`,`id`);--> statement-breakpoint
CREATE INDEX `pools_manager` ON `pools` (`manager_id`,`id`);--> statement-breakpoint
CREATE INDEX `pools_status` ON `pools` (`status`,`id`);