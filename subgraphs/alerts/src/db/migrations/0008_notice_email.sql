CREATE TABLE `contacts` (
	`user_id` char(36) NOT NULL,
	`email` varchar(320) NOT NULL,
	`changed_at` datetime(3) NOT NULL,
	`event_id` varchar(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	CONSTRAINT `contacts_user_id` PRIMARY KEY(`user_id`)
);
--> statement-breakpoint
CREATE TABLE `notice_deliveries` (
	`id` char(36) NOT NULL,
	`notice_id` char(36) NOT NULL,
	`investor_id` char(36) NOT NULL,
	`channel` varchar(16) NOT NULL,
	`status` varchar(16) NOT NULL,
	`attempts` int NOT NULL DEFAULT 0,
	`next_attempt_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`last_error` varchar(500),
	`sent_to` varchar(320),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`delivered_at` datetime(3),
	CONSTRAINT `notice_deliveries_id` PRIMARY KEY(`id`),
	CONSTRAINT `notice_deliveries_notice_channel` UNIQUE(`notice_id`,`channel`)
);
--> statement-breakpoint
CREATE TABLE `notice_preferences` (
	`investor_id` char(36) NOT NULL,
	`kind` varchar(32) NOT NULL,
	`email` boolean NOT NULL,
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `notice_preferences_investor_id_kind_pk` PRIMARY KEY(`investor_id`,`kind`)
);
--> statement-breakpoint
CREATE INDEX `notice_deliveries_due` ON `notice_deliveries` (`status`,`next_attempt_at`);