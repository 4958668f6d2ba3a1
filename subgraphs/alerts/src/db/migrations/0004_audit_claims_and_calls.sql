ALTER TABLE `audit_log` ADD `client_operation_name` varchar(200);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `calls` varchar(4000) DEFAULT '' NOT NULL;