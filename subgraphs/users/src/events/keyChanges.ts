import type { ApiKeyChangedPayload } from '@poolgraph/events';
import type { UsersQueryable } from '../db/index.ts';
import type { ApiKeyRow } from '../data/apiKeys.ts';
import { insertKeyChanged } from '../data/outbox.ts';

/** What other services may know of a key (never its secret or hash). */
export const apiKeyFacts = (key: ApiKeyRow): ApiKeyChangedPayload => ({
  keyId: key.id,
  kind: key.delegatedBy === null ? 'PLATFORM' : 'DELEGATED',
  managerId: key.delegatedBy,
  poolIds: key.poolIds,
  scopes: key.scopes,
  expiresAt: key.expiresAt?.toISOString() ?? null,
  revokedAt: key.revokedAt?.toISOString() ?? null,
});

/**
 * recordKeyChange: an ApiKeyChanged snapshot of the key as it now stands, in the transaction that
 * issued or revoked it (alerts stops a revoked key's webhooks from it).
 */
export const recordKeyChange = (tx: UsersQueryable, key: ApiKeyRow) =>
  insertKeyChanged(tx, apiKeyFacts(key));
