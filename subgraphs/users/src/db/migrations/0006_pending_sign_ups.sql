-- email and token_hash compare byte for byte, as users.email and api_keys.secret_hash do
-- (drizzle-kit cannot declare a column collation, so it is written here by hand).
CREATE TABLE `pending_sign_ups` (
	`email` varchar(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`name` varchar(200) NOT NULL,
	`role` varchar(16) NOT NULL,
	`password_hash` varchar(255) NOT NULL,
	`token_hash` char(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`expires_at` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `pending_sign_ups_email` PRIMARY KEY(`email`),
	CONSTRAINT `pending_sign_ups_token` UNIQUE(`token_hash`)
);
--> statement-breakpoint
CREATE INDEX `pending_sign_ups_expires` ON `pending_sign_ups` (`expires_at`);