import { hostname } from 'node:os';
import {
  consumeStream,
  parseApiKeyChanged,
  usersEventsStream,
  type ApiKeyChangedEvent,
  type StreamConsumer,
} from '@poolgraph/events';
import type { Logger, RedisClient } from '@poolgraph/platform';
import type { AlertsDb } from '../db/index.ts';
import { upsertPartnerKeys } from '../data/partnerKeys.ts';

/**
 * Keeps `partner_keys` from users' ApiKeyChanged events (`users.events`, group "alerts"): which
 * keys see which pools, for partner webhooks, without reading users' tables. Snapshots applied
 * with a one-way revocation (upsertPartnerKeys), so redelivery and reordering change nothing.
 */
export function startKeyFactsConsumer(options: {
  db: AlertsDb;
  redis: RedisClient;
  eventsPrefix: string;
  consumerName?: string;
  log: Logger;
}): StreamConsumer {
  const apply = async (events: Array<ApiKeyChangedEvent | null>) => {
    const keys = events.filter((e): e is ApiKeyChangedEvent => e !== null).map((e) => e.payload);
    await upsertPartnerKeys(options.db, keys);
  };
  return consumeStream<ApiKeyChangedEvent | null>({
    redis: options.redis,
    stream: usersEventsStream(options.eventsPrefix),
    group: 'alerts',
    consumer: options.consumerName ?? hostname(),
    parse: parseApiKeyChanged,
    handle: (event) => apply([event]),
    handleBatch: apply,
    blockMs: 1_000,
    log: options.log,
  });
}
