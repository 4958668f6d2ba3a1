import { hostname } from 'node:os';
import { consumePoolSnapshots, type StreamConsumer } from '@poolgraph/events';
import type { Logger, RedisClient } from '@poolgraph/platform';
import type { ReportsDb } from '../db/index.ts';
import { upsertPoolFacts } from '../data/poolFacts.ts';

export interface PoolsConsumerOptions {
  db: ReportsDb;
  redis: RedisClient;
  eventsPrefix: string;
  consumerName?: string;
  log: Logger;
}

/**
 * Reads `pools.events` in the group "reports" and keeps pool_facts (name, currency, manager,
 * committed, called) at the newest revision. MembershipChanged is not needed: investor counts
 * come from the ledger's events, commitments in total from PoolChanged.
 */
export function startPoolsConsumer(options: PoolsConsumerOptions): StreamConsumer {
  const { db } = options;
  return consumePoolSnapshots({
    redis: options.redis,
    redisPrefix: options.eventsPrefix,
    group: 'reports',
    consumer: options.consumerName ?? hostname(),
    apply: (events) =>
      upsertPoolFacts(
        db,
        events.flatMap((event) =>
          event.type === 'PoolChanged'
            ? [{ payload: event.payload, occurredAt: new Date(event.occurredAt) }]
            : [],
        ),
      ),
    log: options.log,
  });
}
