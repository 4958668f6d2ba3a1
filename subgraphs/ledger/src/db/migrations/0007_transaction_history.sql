CREATE INDEX `pool_facts_manager` ON `pool_facts` (`manager_id`);--> statement-breakpoint
CREATE INDEX `transactions_investor` ON `transactions` (`investor_id`,`id`);