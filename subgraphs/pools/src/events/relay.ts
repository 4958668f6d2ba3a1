import { createOutboxRelay, poolEventsStream, type OutboxRelay } from '@poolgraph/events';
import type { Logger, MysqlPool, RedisClient, Registry } from '@poolgraph/platform';

/**
 * The pools outbox relay: PoolChanged and MembershipChanged go to the stream
 * `<prefix>pools.events`, read by the ledger (local pool facts), alerts and reports.
 */
export function createPoolsRelay(options: {
  pool: MysqlPool;
  redis: RedisClient;
  redisPrefix: string;
  log: Logger;
  registry?: Registry;
}): OutboxRelay {
  return createOutboxRelay({
    pool: options.pool,
    redis: options.redis,
    stream: poolEventsStream(options.redisPrefix),
    registry: options.registry,
    log: options.log.child({ component: 'outbox-relay' }),
  });
}
