-- delegated_by and pool_ids hold ids, compared byte for byte as ids are elsewhere (drizzle-kit
-- cannot declare a column collation, so it is written here by hand).
ALTER TABLE `api_keys` ADD `delegated_by` char(36) CHARACTER SET ascii COLLATE ascii_bin;--> statement-breakpoint
ALTER TABLE `api_keys` ADD `pool_ids` text CHARACTER SET ascii COLLATE ascii_bin;--> statement-breakpoint
ALTER TABLE `api_keys` ADD `expires_at` datetime(3);--> statement-breakpoint
ALTER TABLE `api_keys` ADD `note` varchar(500);--> statement-breakpoint
CREATE INDEX `api_keys_delegated_by` ON `api_keys` (`delegated_by`,`created_at`);