import { createOutboxRelay, usersEventsStream, type OutboxRelay } from '@poolgraph/events';
import type { Logger, MysqlPool, RedisClient, Registry } from '@poolgraph/platform';

/**
 * The users outbox relay: ApiKeyChanged to the stream `<prefix>users.events`, read by alerts
 * (which keys see which pools, for partner webhooks).
 */
export function createUsersRelay(options: {
  pool: MysqlPool;
  redis: RedisClient;
  redisPrefix: string;
  log: Logger;
  registry?: Registry;
}): OutboxRelay {
  return createOutboxRelay({
    pool: options.pool,
    redis: options.redis,
    stream: usersEventsStream(options.redisPrefix),
    registry: options.registry,
    log: options.log.child({ component: 'outbox-relay' }),
  });
}
