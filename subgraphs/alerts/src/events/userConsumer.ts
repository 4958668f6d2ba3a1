import { hostname } from 'node:os';
import {
  consumeStream,
  parseUserEvent,
  usersEventsStream,
  type StreamConsumer,
  type UserEvent,
} from '@poolgraph/events';
import type { Logger, RedisClient } from '@poolgraph/platform';
import type { AlertsDb } from '../db/index.ts';
import { upsertContacts } from '../data/contacts.ts';
import { upsertPartnerKeys } from '../data/partnerKeys.ts';

/**
 * Keeps two copies from `users.events` (group "alerts", one consumer for the stream: two in one
 * group would split its entries between them): `contacts` from UserContactChanged (the address
 * investors' notices are emailed to, the newest kept, data/contacts.ts) and `partner_keys` from
 * ApiKeyChanged (which keys see which pools, for partner webhooks, with a one-way revocation,
 * data/partnerKeys.ts). Both are snapshots, so redelivery and reordering change nothing and no
 * processed_events row is needed. Other types are skipped.
 */
export function startUsersConsumer(options: {
  db: AlertsDb;
  redis: RedisClient;
  redisPrefix: string;
  consumerName?: string;
  log: Logger;
}): StreamConsumer {
  const apply = async (events: Array<UserEvent | null>) => {
    const contacts = [];
    const keys = [];
    for (const event of events) {
      if (event?.type === 'UserContactChanged') {
        const { userId, email } = event.payload;
        contacts.push({ userId, email, changedAt: new Date(event.occurredAt), eventId: event.id });
      } else if (event?.type === 'ApiKeyChanged') {
        keys.push(event.payload);
      }
    }
    await upsertContacts(options.db, contacts);
    await upsertPartnerKeys(options.db, keys);
  };
  return consumeStream<UserEvent | null>({
    redis: options.redis,
    stream: usersEventsStream(options.redisPrefix),
    group: 'alerts',
    consumer: options.consumerName ?? hostname(),
    parse: parseUserEvent,
    handle: (event) => apply([event]),
    handleBatch: apply,
    blockMs: 1_000,
    log: options.log,
  });
}
