-- Keys issued before users had an outbox: one ApiKeyChanged snapshot each, so that alerts (partner
-- webhooks) knows every key, not only those issued or revoked from now on. Same shape as
-- src/events/keyChanges.ts writes; dates are UTC as the service stores them.
INSERT INTO `outbox` (`id`, `type`, `aggregate_id`, `payload`, `occurred_at`)
SELECT UUID(), 'ApiKeyChanged', `id`,
  JSON_OBJECT(
    'keyId', `id`,
    'kind', IF(`delegated_by` IS NULL, 'PLATFORM', 'DELEGATED'),
    'managerId', `delegated_by`,
    'poolIds', IF(`pool_ids` IS NULL, NULL, JSON_EXTRACT(CONCAT('["', REPLACE(`pool_ids`, ',', '","'), '"]'), '$')),
    'scopes', JSON_EXTRACT(CONCAT('["', REPLACE(`scopes`, ',', '","'), '"]'), '$'),
    'expiresAt', IF(`expires_at` IS NULL, NULL, DATE_FORMAT(`expires_at`, '%Y-%m-%dT%H:%i:%s.%fZ')),
    'revokedAt', IF(`revoked_at` IS NULL, NULL, DATE_FORMAT(`revoked_at`, '%Y-%m-%dT%H:%i:%s.%fZ'))
  ),
  CURRENT_TIMESTAMP(3)
FROM `api_keys`;
