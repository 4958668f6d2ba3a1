CREATE TABLE `pool_facts` (
	`pool_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`currency` char(3) NOT NULL,
	`manager_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`status` enum('DRAFT','OPEN','CLOSED','ARCHIVED') NOT NULL,
	`revision` int NOT NULL,
	`closing_revision` int,
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `pool_facts_pool_id` PRIMARY KEY(`pool_id`)
);
--> statement-breakpoint
CREATE TABLE `pool_members` (
	`pool_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`investor_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`member` boolean NOT NULL,
	`revision` int NOT NULL,
	CONSTRAINT `pool_members_pool_id_investor_id_pk` PRIMARY KEY(`pool_id`,`investor_id`)
);
--> statement-breakpoint
-- Keys compare byte for byte from now on: the digest of each existing key becomes the lookup
-- column (SHA2 hashes the utf8mb4 bytes, as the service does).
ALTER TABLE `idempotency_keys` ADD `key_hash` char(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '';--> statement-breakpoint
UPDATE `idempotency_keys` SET `key_hash` = SHA2(`idempotency_key`, 256);--> statement-breakpoint
ALTER TABLE `idempotency_keys` ALTER COLUMN `key_hash` DROP DEFAULT;--> statement-breakpoint
ALTER TABLE `idempotency_keys` DROP PRIMARY KEY, ADD PRIMARY KEY(`key_hash`,`actor_id`);