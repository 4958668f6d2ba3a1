import { hostname } from 'node:os';
import {
  consumeStream,
  parseUserEvent,
  usersEventsStream,
  type StreamConsumer,
  type UserContactChangedEvent,
} from '@poolgraph/events';
import type { Logger, RedisClient } from '@poolgraph/platform';
import type { AlertsDb } from '../db/index.ts';
import { upsertContacts } from '../data/contacts.ts';

/**
 * Keeps `contacts` from `users.events` (group "alerts"): each UserContactChanged is the account's
 * address now, applied when newer than the one held (data/contacts.ts), so redelivery and
 * reordering change nothing and no processed_events row is needed. Other types are skipped.
 */
export function startContactsConsumer(options: {
  db: AlertsDb;
  redis: RedisClient;
  redisPrefix: string;
  consumerName?: string;
  log: Logger;
}): StreamConsumer {
  const apply = async (events: Array<UserContactChangedEvent | null>) => {
    const changes = events.flatMap((event) =>
      event
        ? [
            {
              userId: event.payload.userId,
              email: event.payload.email,
              changedAt: new Date(event.occurredAt),
              eventId: event.id,
            },
          ]
        : [],
    );
    await upsertContacts(options.db, changes);
  };
  return consumeStream<UserContactChangedEvent | null>({
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
