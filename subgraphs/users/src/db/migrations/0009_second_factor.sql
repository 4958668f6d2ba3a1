-- Hashes compare byte for byte, as account_links.token_hash does (drizzle-kit cannot declare a
-- column collation, so it is written here by hand).
CREATE TABLE `login_challenges` (
	`token_hash` char(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`user_id` char(36) NOT NULL,
	`failures` int NOT NULL DEFAULT 0,
	`expires_at` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `login_challenges_token_hash` PRIMARY KEY(`token_hash`)
);
--> statement-breakpoint
CREATE TABLE `payout_details` (
	`user_id` char(36) NOT NULL,
	`details` text NOT NULL,
	`iban_last4` varchar(4) NOT NULL,
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `payout_details_user_id` PRIMARY KEY(`user_id`)
);
--> statement-breakpoint
CREATE TABLE `recovery_codes` (
	`user_id` char(36) NOT NULL,
	`code_hash` char(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`used_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `recovery_codes_user_id_code_hash_pk` PRIMARY KEY(`user_id`,`code_hash`)
);
--> statement-breakpoint
CREATE TABLE `user_totp` (
	`user_id` char(36) NOT NULL,
	`secret` text NOT NULL,
	`enabled_at` datetime(3),
	`last_step` bigint,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `user_totp_user_id` PRIMARY KEY(`user_id`)
);
--> statement-breakpoint
ALTER TABLE `refresh_tokens` ADD `second_factor_at` datetime(3);--> statement-breakpoint
ALTER TABLE `users` ADD `require_second_factor` boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `login_challenges_user` ON `login_challenges` (`user_id`);--> statement-breakpoint
CREATE INDEX `login_challenges_expires` ON `login_challenges` (`expires_at`);