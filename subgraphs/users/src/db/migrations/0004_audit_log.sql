CREATE TABLE `audit_log` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`request_id` varchar(128) NOT NULL,
	`actor_id` varchar(36),
	`actor_roles` varchar(64) NOT NULL,
	`operation` varchar(200) NOT NULL,
	`fields` varchar(1000) NOT NULL,
	`client_address` varchar(64) NOT NULL,
	`outcome` varchar(200) NOT NULL,
	CONSTRAINT `audit_log_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);