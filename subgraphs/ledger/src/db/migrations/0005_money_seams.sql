ALTER TABLE `payments` ADD `refunded_amount` bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `pool_facts` ADD `archiving_revision` int;--> statement-breakpoint
ALTER TABLE `pool_members` ADD `commitment_minor` bigint;