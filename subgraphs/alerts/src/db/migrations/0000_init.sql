CREATE TABLE `alerts` (
	`id` char(36) NOT NULL,
	`pool_id` char(36) NOT NULL,
	`manager_id` char(36) NOT NULL,
	`kind` varchar(32) NOT NULL,
	`message` varchar(500) NOT NULL,
	`transaction_id` char(36),
	`observed_count` int,
	`baseline_count` double,
	`status` varchar(16) NOT NULL DEFAULT 'OPEN',
	`raised_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`acknowledged_at` datetime(3),
	`acknowledged_by` char(36),
	CONSTRAINT `alerts_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `alerts_manager_raised` ON `alerts` (`manager_id`,`raised_at`);--> statement-breakpoint
CREATE INDEX `alerts_pool_raised` ON `alerts` (`pool_id`,`raised_at`);--> statement-breakpoint
CREATE INDEX `alerts_raised` ON `alerts` (`raised_at`);