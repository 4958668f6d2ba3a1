CREATE TABLE `api_keys` (
	`id` char(36) NOT NULL,
	`name` varchar(100) NOT NULL,
	`scopes` varchar(128) NOT NULL,
	`prefix` varchar(16) NOT NULL,
	`secret_hash` char(64) NOT NULL,
	`created_by` char(36) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`last_used_at` datetime(3),
	`revoked_at` datetime(3),
	CONSTRAINT `api_keys_id` PRIMARY KEY(`id`),
	CONSTRAINT `api_keys_secret_hash` UNIQUE(`secret_hash`)
);
--> statement-breakpoint
-- A key's hash is looked up on every exchange: it must match byte for byte, never by collation.
ALTER TABLE `api_keys` MODIFY `secret_hash` char(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
