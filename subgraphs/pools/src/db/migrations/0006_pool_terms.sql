CREATE TABLE `pool_terms` (
	`pool_id` char(36) NOT NULL,
	`version` int NOT NULL,
	`management_fee_bps` int NOT NULL,
	`fee_basis` enum('COMMITMENTS','INVESTED_CAPITAL') NOT NULL,
	`fee_frequency` enum('ONCE','ANNUAL','QUARTERLY') NOT NULL,
	`fee_holiday_months` int NOT NULL DEFAULT 0,
	`carry_bps` int NOT NULL,
	`hurdle_bps` int NOT NULL DEFAULT 0,
	`hurdle_compounding` enum('SIMPLE','COMPOUND') NOT NULL DEFAULT 'SIMPLE',
	`catch_up` enum('NONE','FULL') NOT NULL DEFAULT 'NONE',
	`pool_status` enum('DRAFT','OPEN','CLOSED','ARCHIVED') NOT NULL,
	`set_by` char(36) NOT NULL,
	`set_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `pool_terms_pool_id_version_pk` PRIMARY KEY(`pool_id`,`version`)
);
