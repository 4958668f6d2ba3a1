CREATE TABLE `bank_transfers` (
	`id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`transaction_id` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`amount` bigint NOT NULL,
	`bank_key` varchar(191) CHARACTER SET ascii COLLATE ascii_bin,
	`recorded_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `bank_transfers_id` PRIMARY KEY(`id`),
	CONSTRAINT `bank_transfers_key` UNIQUE(`transaction_id`,`bank_key`)
);
--> statement-breakpoint
INSERT INTO `bank_transfers` (`id`, `transaction_id`, `amount`, `bank_key`)
  SELECT UUID(), `transaction_id`, `received_amount`, NULL FROM `payments`
  WHERE `method` = 'BANK_TRANSFER' AND `received_amount` IS NOT NULL;
