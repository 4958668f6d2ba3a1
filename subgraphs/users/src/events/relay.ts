import { createOutboxRelay, usersEventsStream, type OutboxRelay } from '@poolgraph/events';
import type { Logger, MysqlPool, RedisClient, Registry } from '@poolgraph/platform';

/**
 * The users outbox relay: UserContactChanged goes to the stream `<prefix>users.events`, read by
 * alerts (the addresses investors' notices are emailed to). Accounts change rarely, so it only
 * polls (no wake-up after each commit): an address is out within a poll.
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
