import { hostname } from 'node:os';
import {
  consumeStream,
  parseDomainEvent,
  parsePoolEvent,
  poolEventsStream,
  type DomainEvent,
  type PoolChangedEvent,
  type StreamConsumer,
} from '@poolgraph/events';
import type { Logger, Redis } from '@poolgraph/platform';
import type { AlertsDb } from '../db/index.ts';
import { upsertPoolFacts } from '../data/poolFacts.ts';

export interface PoolFactsConsumerOptions {
  db: AlertsDb;
  redis: Redis;
  /** The deployment's shared prefix (pools publishes under it). */
  eventsPrefix: string;
  consumerName?: string;
  log: Logger;
}

/**
 * Keeps `pool_facts` from `pools.events` (group "alerts"): PoolChanged snapshots are applied
 * when their revision is newer, so redelivery and reordering change nothing and no
 * processed_events row is needed. MembershipChanged is not needed here and is skipped.
 */
export function startPoolFactsConsumer(options: PoolFactsConsumerOptions): StreamConsumer {
  const { db, log } = options;
  return consumeStream<DomainEvent>({
    redis: options.redis,
    stream: poolEventsStream(options.eventsPrefix),
    group: 'alerts',
    consumer: options.consumerName ?? hostname(),
    parse: (raw) => {
      const event = parseDomainEvent(raw);
      return event.type === 'PoolChanged' || event.type === 'MembershipChanged'
        ? parsePoolEvent(event)
        : event;
    },
    handle: async (event) => {
      if (event.type !== 'PoolChanged') return;
      await upsertPoolFacts(db, (event as PoolChangedEvent).payload);
    },
    log,
  });
}
