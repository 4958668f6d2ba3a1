CREATE TABLE `pool_external_ids` (
	`external_id` varchar(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`pool_id` char(36) NOT NULL,
	CONSTRAINT `pool_external_ids_external_id` PRIMARY KEY(`external_id`),
	CONSTRAINT `pool_external_ids_pool` UNIQUE(`pool_id`)
);
