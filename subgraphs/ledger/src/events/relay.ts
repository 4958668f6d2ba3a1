import { createOutboxRelay, ledgerEventsStream, type OutboxRelay } from '@poolgraph/events';
import {
  Counter,
  type Logger,
  type MysqlPool,
  type RedisClient,
  type Registry,
} from '@poolgraph/platform';

export interface LedgerRelayOptions {
  pool: MysqlPool;
  redis: RedisClient;
  /** The shared Redis prefix consumers use too (see README). */
  redisPrefix: string;
  log: Logger;
  pollIntervalMs?: number;
  /** Where the relay's metrics and the ledger's business counters are registered. */
  registry?: Registry;
  afterPublish?: Parameters<typeof createOutboxRelay>[0]['afterPublish'];
}

/**
 * The ledger's outbox relay: every TransactionPosted event goes to the stream
 * `<prefix>ledger.events` (alerts, reports) and to the channel `<prefix>ledger.pool.<poolId>`
 * (live subscriptions).
 */
export function createLedgerRelay(options: LedgerRelayOptions): OutboxRelay {
  const posted =
    options.registry &&
    new Counter({
      name: 'ledger_transactions_posted_total',
      help: 'Posted transactions by type and currency, counted as their events are published',
      labelNames: ['type', 'currency'],
      registers: [options.registry],
    });
  return createOutboxRelay({
    pool: options.pool,
    redis: options.redis,
    stream: ledgerEventsStream(options.redisPrefix),
    pollIntervalMs: options.pollIntervalMs,
    afterPublish: options.afterPublish,
    registry: options.registry,
    onPublished: posted
      ? (records) => {
          for (const record of records) {
            const { payload } = JSON.parse(record.json) as {
              payload: { type?: string; currency?: string };
            };
            posted.inc({ type: payload.type ?? 'unknown', currency: payload.currency ?? '' });
          }
        }
      : undefined,
    log: options.log.child({ component: 'outbox-relay' }),
  });
}
