import { hostname } from 'node:os';
import {
  consumeStream,
  parseDomainEvent,
  parsePoolEvent,
  poolEventsStream,
  type DomainEvent,
  type StreamConsumer,
} from '@poolgraph/events';
import type { Logger, Redis } from '@poolgraph/platform';
import type { ReportsDb } from '../db/index.ts';
import { upsertPoolFacts } from '../data/poolFacts.ts';

export interface PoolsConsumerOptions {
  db: ReportsDb;
  redis: Redis;
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
  return consumeStream<DomainEvent>({
    redis: options.redis,
    stream: poolEventsStream(options.eventsPrefix),
    group: 'reports',
    consumer: options.consumerName ?? hostname(),
    parse: (raw) => {
      const event = parseDomainEvent(raw);
      return event.type === 'PoolChanged' || event.type === 'MembershipChanged'
        ? parsePoolEvent(event)
        : event;
    },
    handle: async (event) => {
      if (event.type !== 'PoolChanged') return;
      const changed = parsePoolEvent(event);
      if (changed.type === 'PoolChanged') await upsertPoolFacts(db, changed.payload);
    },
    log: options.log,
  });
}
