ALTER TABLE `pool_facts` ADD `terms_version` int;--> statement-breakpoint
ALTER TABLE `pool_facts` ADD `carry_bps` int DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `pool_facts` ADD `hurdle_bps` int DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `pool_facts` ADD `hurdle_compounding` enum('SIMPLE','COMPOUND') DEFAULT 'SIMPLE' NOT NULL;--> statement-breakpoint
ALTER TABLE `pool_facts` ADD `catch_up` enum('NONE','FULL') DEFAULT 'NONE' NOT NULL;--> statement-breakpoint
ALTER TABLE `transactions` ADD `carry` boolean DEFAULT false NOT NULL;