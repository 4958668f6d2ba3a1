import {
  createOutboxRelay,
  ledgerEventsStream,
  ledgerPoolChannel,
  type OutboxRelay,
} from '@poolgraph/events';
import type { Logger, MysqlPool, Redis } from '@poolgraph/platform';

export interface LedgerRelayOptions {
  pool: MysqlPool;
  redis: Redis;
  /** The shared Redis prefix consumers use too (see README). */
  redisPrefix: string;
  log: Logger;
  pollIntervalMs?: number;
  afterPublish?: Parameters<typeof createOutboxRelay>[0]['afterPublish'];
}

/**
 * The ledger's outbox relay: every TransactionPosted event goes to the stream
 * `<prefix>ledger.events` (alerts, reports) and to the channel `<prefix>ledger.pool.<poolId>`
 * (live subscriptions).
 */
export function createLedgerRelay(options: LedgerRelayOptions): OutboxRelay {
  return createOutboxRelay({
    pool: options.pool,
    redis: options.redis,
    stream: ledgerEventsStream(options.redisPrefix),
    channelOf: (event) => ledgerPoolChannel(options.redisPrefix, event.aggregateId),
    pollIntervalMs: options.pollIntervalMs,
    afterPublish: options.afterPublish,
    log: options.log.child({ component: 'outbox-relay' }),
  });
}
