-- token_hash and new_email compare byte for byte, as api_keys.secret_hash and users.email do
-- (drizzle-kit cannot declare a column collation, so it is written here by hand).
CREATE TABLE `account_links` (
	`token_hash` char(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`user_id` char(36) NOT NULL,
	`purpose` varchar(16) NOT NULL,
	`new_email` varchar(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
	`expires_at` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `account_links_token_hash` PRIMARY KEY(`token_hash`),
	CONSTRAINT `account_links_user_purpose` UNIQUE(`user_id`,`purpose`)
);
--> statement-breakpoint
ALTER TABLE `users` ADD `phone` varchar(32);--> statement-breakpoint
CREATE INDEX `account_links_expires` ON `account_links` (`expires_at`);