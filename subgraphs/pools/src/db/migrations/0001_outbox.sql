CREATE TABLE `outbox` (
	`seq` bigint unsigned AUTO_INCREMENT NOT NULL,
	`id` varchar(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`type` varchar(64) NOT NULL,
	`aggregate_id` varchar(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`payload` json NOT NULL,
	`occurred_at` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`published_at` datetime(3),
	CONSTRAINT `outbox_seq` PRIMARY KEY(`seq`),
	CONSTRAINT `outbox_id` UNIQUE(`id`)
);
--> statement-breakpoint
ALTER TABLE `processed_events` MODIFY COLUMN `event_id` varchar(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;--> statement-breakpoint
ALTER TABLE `pools` ADD `revision` int DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `outbox_unpublished` ON `outbox` (`published_at`,`seq`);--> statement-breakpoint
-- Existing pools and memberships are announced once, as revision 1, so that consumers of
-- pools.events (ledger, alerts, reports) learn about pools created before the outbox existed.
UPDATE `pools` SET `revision` = 1;--> statement-breakpoint
INSERT INTO `outbox` (`id`, `type`, `aggregate_id`, `payload`, `occurred_at`)
SELECT UUID(), 'PoolChanged', p.`id`,
  JSON_OBJECT(
    'poolId', p.`id`, 'revision', 1, 'name', p.`name`, 'currency', p.`currency`,
    'managerId', p.`manager_id`, 'status', p.`status`,
    'targetMinor', CAST(p.`target_minor` AS CHAR),
    'committedMinor', CAST((SELECT COALESCE(SUM(m.`commitment_minor`), 0) FROM `memberships` m WHERE m.`pool_id` = p.`id`) AS CHAR),
    'calledMinor', CAST((SELECT COALESCE(SUM(i.`called_minor`), 0) FROM `capital_call_items` i WHERE i.`pool_id` = p.`id`) AS CHAR),
    'memberCount', (SELECT COUNT(*) FROM `memberships` m WHERE m.`pool_id` = p.`id`)
  ),
  CURRENT_TIMESTAMP(3)
FROM `pools` p ORDER BY p.`id`;--> statement-breakpoint
INSERT INTO `outbox` (`id`, `type`, `aggregate_id`, `payload`, `occurred_at`)
SELECT UUID(), 'MembershipChanged', m.`pool_id`,
  JSON_OBJECT(
    'poolId', m.`pool_id`, 'investorId', m.`investor_id`, 'membershipId', m.`id`, 'revision', 1,
    'member', TRUE, 'commitmentMinor', CAST(m.`commitment_minor` AS CHAR)
  ),
  CURRENT_TIMESTAMP(3)
FROM `memberships` m ORDER BY m.`pool_id`, m.`investor_id`;
