import { createOutboxRelay, type OutboxRelay } from '@poolgraph/events';
import type { Logger, MysqlPool, RedisClient, Registry } from '@poolgraph/platform';
import { alertsRaisedStream } from './alertStream.ts';
import { DETECTION_LINGER_MS } from './ledgerEvents.ts';

/**
 * No consumer group reads `alerts.raised` (only the live subscriptions' tails), so the relay's
 * trim below acknowledged entries never applies: the stream is capped instead. 10,000 alerts
 * is far more than any resume needs (the tails' windows hold the same, for 10 minutes).
 */
export const ALERTS_STREAM_MAXLEN = 10_000;

/**
 * The alerts outbox relay: AlertRaised events to the stream `<prefix>alerts.raised`. Every
 * worker runs one; the relay's GET_LOCK lets one publish at a time, in order.
 */
export function createAlertsRelay(options: {
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
    stream: alertsRaisedStream(options.redisPrefix),
    maxLen: ALERTS_STREAM_MAXLEN,
    trimStream: false,
    pollIntervalMs: options.pollIntervalMs,
    // The detection consumer commits a read every DETECTION_LINGER_MS while the ledger is busy:
    // keeping the lock across that gap takes 2 of the 4 statements of each read's pass.
    holdIdleMs: DETECTION_LINGER_MS + 40,
    registry: options.registry,
    log: options.log.child({ component: 'outbox-relay' }),
  });
}
