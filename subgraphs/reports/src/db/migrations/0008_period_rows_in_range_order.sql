DELETE FROM `period_contributions` WHERE `kind` = 'A';--> statement-breakpoint
ALTER TABLE `period_contributions` DROP PRIMARY KEY, ADD PRIMARY KEY(`currency`,`kind`,`period_start`,`investor_id`,`pool_id`), DROP INDEX `period_contributions_range`;
