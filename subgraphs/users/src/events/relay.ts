import { createOutboxRelay, usersEventsStream, type OutboxRelay } from '@poolgraph/events';
import type { Logger, MysqlPool, RedisClient, Registry } from '@poolgraph/platform';

/**
 * The users outbox relay: UserContactChanged and ApiKeyChanged go to the stream
 * `<prefix>users.events`, read by alerts (the addresses investors' notices are emailed to; which
 * keys see which pools, for partner webhooks). A key change wakes it at once (server.ts); an
 * address change is out within a poll.
 */
export function createUsersRelay(options: {
  pool: MysqlPool;
  redis: RedisClient;
  redisPrefix: string;
  log: Logger;
  registry?: Registry;
  pollIntervalMs?: number;
}): OutboxRelay {
  return createOutboxRelay({
    pool: options.pool,
    redis: options.redis,
    stream: usersEventsStream(options.redisPrefix),
    registry: options.registry,
    pollIntervalMs: options.pollIntervalMs ?? 500,
    log: options.log.child({ component: 'outbox-relay' }),
  });
}
