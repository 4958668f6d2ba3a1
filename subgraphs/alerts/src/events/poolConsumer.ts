import { hostname } from 'node:os';
import { consumePoolSnapshots, type StreamConsumer } from '@poolgraph/events';
import type { Logger, RedisClient } from '@poolgraph/platform';
import type { AlertsDb } from '../db/index.ts';
import { upsertPoolFacts } from '../data/poolFacts.ts';
import { noticeCapitalCalls, type Noticed } from './noticeEvents.ts';

export interface PoolFactsConsumerOptions {
  db: AlertsDb;
  redis: RedisClient;
  /** The deployment's shared prefix (pools publishes under it). */
  eventsPrefix: string;
  consumerName?: string;
  log: Logger;
  /** After commit: the members' capital call notices (live delivery, their emails). */
  onNoticed?: (noticed: Noticed) => void;
}

/**
 * Keeps `pool_facts` from `pools.events` (group "alerts"): PoolChanged snapshots are applied
 * when their revision is newer; each CapitalCalled gives the called members their notices.
 * MembershipChanged is not needed here and is skipped.
 */
export function startPoolFactsConsumer(options: PoolFactsConsumerOptions): StreamConsumer {
  const { db, log } = options;
  return consumePoolSnapshots({
    redis: options.redis,
    redisPrefix: options.eventsPrefix,
    group: 'alerts',
    consumer: options.consumerName ?? hostname(),
    apply: (events) =>
      upsertPoolFacts(
        db,
        events.flatMap((event) => (event.type === 'PoolChanged' ? [event.payload] : [])),
      ),
    capitalCalls: async (events) => {
      const noticed = await noticeCapitalCalls(db, events);
      if (noticed.notices.length) options.onNoticed?.(noticed);
    },
    log,
  });
}
