-- Every account that existed before users announced addresses: its address as it is now, as a
-- UserContactChanged event, so that services keeping a copy (alerts, for investors' notices by
-- email) start complete. Accounts from an import (an external id, a reserved address) are left
-- out, as they are when created.
INSERT INTO `outbox` (`id`, `type`, `aggregate_id`, `payload`, `occurred_at`)
SELECT UUID(), 'UserContactChanged', `id`, JSON_OBJECT('userId', `id`, 'email', `email`), CURRENT_TIMESTAMP(3)
FROM `users`
WHERE `external_id` IS NULL;
