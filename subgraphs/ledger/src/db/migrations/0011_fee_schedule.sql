ALTER TABLE `pool_facts` ADD `management_fee_bps` int DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `pool_facts` ADD `fee_basis` enum('COMMITMENTS','INVESTED_CAPITAL') DEFAULT 'COMMITMENTS' NOT NULL;--> statement-breakpoint
ALTER TABLE `pool_facts` ADD `fee_frequency` enum('ONCE','ANNUAL','QUARTERLY') DEFAULT 'ANNUAL' NOT NULL;--> statement-breakpoint
ALTER TABLE `pool_facts` ADD `fee_holiday_months` int DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `pool_facts` ADD `opened_at` datetime(3);