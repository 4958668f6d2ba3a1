CREATE TABLE `pool_invitations` (
	`id` char(36) NOT NULL,
	`pool_id` char(36) NOT NULL,
	`kind` enum('EMAIL','LINK') NOT NULL,
	`email` varchar(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`token_hash` char(64) CHARACTER SET ascii COLLATE ascii_bin,
	`investor_id` char(36),
	`status` enum('PENDING','ACCEPTED','DECLINED','REVOKED') NOT NULL DEFAULT 'PENDING',
	`max_uses` int,
	`uses` int NOT NULL DEFAULT 0,
	`expires_at` datetime(3) NOT NULL,
	`created_by` char(36) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`responded_at` datetime(3),
	CONSTRAINT `pool_invitations_id` PRIMARY KEY(`id`),
	CONSTRAINT `pool_invitations_token` UNIQUE(`token_hash`)
);
--> statement-breakpoint
ALTER TABLE `pools` ADD `visibility` enum('LISTED','INVITE_ONLY') DEFAULT 'LISTED' NOT NULL;--> statement-breakpoint
CREATE INDEX `pool_invitations_pool` ON `pool_invitations` (`pool_id`,`id`);--> statement-breakpoint
CREATE INDEX `pool_invitations_investor` ON `pool_invitations` (`investor_id`,`status`);--> statement-breakpoint
CREATE INDEX `pool_invitations_email` ON `pool_invitations` (`email`,`status`);