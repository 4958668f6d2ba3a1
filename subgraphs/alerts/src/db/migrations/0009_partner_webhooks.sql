CREATE TABLE `partner_deliveries` (
	`id` char(36) NOT NULL,
	`webhook_id` char(36) NOT NULL,
	`key_id` char(36) NOT NULL,
	`event_id` varchar(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`event_type` varchar(32) NOT NULL,
	`pool_id` char(36) NOT NULL,
	`payload` json NOT NULL,
	`occurred_at` datetime(3) NOT NULL,
	`status` varchar(16) NOT NULL,
	`attempts` int NOT NULL DEFAULT 0,
	`next_attempt_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`last_error` varchar(500),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`delivered_at` datetime(3),
	CONSTRAINT `partner_deliveries_id` PRIMARY KEY(`id`),
	CONSTRAINT `partner_deliveries_event_webhook` UNIQUE(`event_id`,`webhook_id`)
);
--> statement-breakpoint
CREATE TABLE `partner_keys` (
	`key_id` char(36) NOT NULL,
	`kind` varchar(16) NOT NULL,
	`manager_id` char(36),
	`pool_ids` json,
	`scopes` json NOT NULL,
	`expires_at` datetime(3),
	`revoked_at` datetime(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `partner_keys_key_id` PRIMARY KEY(`key_id`)
);
--> statement-breakpoint
CREATE TABLE `partner_webhooks` (
	`id` char(36) NOT NULL,
	`key_id` char(36) NOT NULL,
	`url` varchar(2048) NOT NULL,
	`secret` varchar(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`event_types` varchar(128) NOT NULL,
	`created_by` char(36) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `partner_webhooks_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `partner_deliveries_due` ON `partner_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `partner_deliveries_webhook` ON `partner_deliveries` (`webhook_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `partner_keys_manager` ON `partner_keys` (`manager_id`);--> statement-breakpoint
CREATE INDEX `partner_webhooks_key` ON `partner_webhooks` (`key_id`,`created_at`);