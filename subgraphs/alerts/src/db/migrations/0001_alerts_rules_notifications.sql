CREATE TABLE `alert_rules` (
	`id` char(36) NOT NULL,
	`pool_id` char(36) NOT NULL,
	`kind` varchar(32) NOT NULL,
	`threshold_minor` bigint,
	`spike_factor` double,
	`window_seconds` int,
	`baseline_seconds` int,
	`min_count` int,
	`enabled` boolean NOT NULL,
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_by` char(36) NOT NULL,
	CONSTRAINT `alert_rules_id` PRIMARY KEY(`id`),
	CONSTRAINT `alert_rules_pool_kind` UNIQUE(`pool_id`,`kind`)
);
--> statement-breakpoint
CREATE TABLE `delivery_attempts` (
	`id` char(36) NOT NULL,
	`notification_id` char(36) NOT NULL,
	`attempt` int NOT NULL,
	`attempted_at` datetime(3) NOT NULL,
	`ok` boolean NOT NULL,
	`status_code` int,
	`error` varchar(500),
	`duration_ms` int NOT NULL,
	CONSTRAINT `delivery_attempts_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `notification_channels` (
	`id` char(36) NOT NULL,
	`manager_id` char(36) NOT NULL,
	`kind` varchar(16) NOT NULL,
	`url` varchar(2048),
	`secret` varchar(64) CHARACTER SET ascii COLLATE ascii_bin,
	`email` varchar(320),
	`enabled` boolean NOT NULL DEFAULT true,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `notification_channels_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` char(36) NOT NULL,
	`alert_id` char(36) NOT NULL,
	`manager_id` char(36) NOT NULL,
	`channel` varchar(16) NOT NULL,
	`channel_id` char(36),
	`status` varchar(16) NOT NULL,
	`attempts` int NOT NULL DEFAULT 0,
	`next_attempt_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`last_error` varchar(500),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`delivered_at` datetime(3),
	`read_at` datetime(3),
	CONSTRAINT `notifications_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `pool_facts` (
	`pool_id` char(36) NOT NULL,
	`revision` int NOT NULL,
	`name` varchar(200) NOT NULL,
	`manager_id` char(36) NOT NULL,
	`currency` char(3) NOT NULL,
	`status` varchar(16) NOT NULL,
	`target_minor` bigint,
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `pool_facts_pool_id` PRIMARY KEY(`pool_id`)
);
--> statement-breakpoint
CREATE TABLE `processed_events` (
	`event_id` varchar(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`processed_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `processed_events_event_id` PRIMARY KEY(`event_id`)
);
--> statement-breakpoint
ALTER TABLE `alerts` ADD `resolved_at` datetime(3);--> statement-breakpoint
ALTER TABLE `alerts` ADD `resolved_by` char(36);--> statement-breakpoint
ALTER TABLE `alerts` ADD `source_event_id` varchar(36) CHARACTER SET ascii COLLATE ascii_bin;--> statement-breakpoint
ALTER TABLE `alerts` ADD CONSTRAINT `alerts_source_kind` UNIQUE(`source_event_id`,`kind`);--> statement-breakpoint
CREATE INDEX `attempts_notification` ON `delivery_attempts` (`notification_id`,`attempt`);--> statement-breakpoint
CREATE INDEX `channels_manager` ON `notification_channels` (`manager_id`);--> statement-breakpoint
CREATE INDEX `notifications_due` ON `notifications` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `notifications_manager` ON `notifications` (`manager_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `notifications_alert` ON `notifications` (`alert_id`);--> statement-breakpoint
CREATE INDEX `alerts_pool_status` ON `alerts` (`pool_id`,`status`);