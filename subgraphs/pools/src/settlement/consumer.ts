import { hostname } from 'node:os';
import {
  consumeStream,
  ledgerEventsStream,
  parseDomainEvent,
  parseLedgerEvent,
  type DomainEvent,
  type LedgerEvent,
  type StreamConsumer,
} from '@poolgraph/events';
import type { Logger, RedisClient } from '@poolgraph/platform';
import type { PoolsDb } from '../db/index.ts';
import { applyLedgerEvent, applyLedgerEvents } from './apply.ts';

export interface SettlementConsumerOptions {
  db: PoolsDb;
  redis: RedisClient;
  /** The prefix the ledger publishes under (shared by all services, not pools' own prefix). */
  eventsPrefix: string;
  /** Stable per replica, so a restarted replica re-reads its own unacknowledged entries. */
  consumerName?: string;
  log: Logger;
}

/**
 * Reads `ledger.events` in the consumer group "pools": posted contributions settle capital
 * calls, posted withdrawals take that settlement back (see apply.ts). Delivery is at least once; applyLedgerEvent is idempotent by event id. A
 * failing apply leaves the entry pending, and it is retried.
 */
export function startSettlementConsumer(options: SettlementConsumerOptions): StreamConsumer {
  const { db, log } = options;
  return consumeStream<DomainEvent>({
    redis: options.redis,
    stream: ledgerEventsStream(options.eventsPrefix),
    group: 'pools',
    consumer: options.consumerName ?? hostname(),
    // Event types pools does not know are acknowledged and skipped, not dropped as malformed.
    parse: (raw) => {
      const event = parseDomainEvent(raw);
      return event.type === 'TransactionPosted' ? parseLedgerEvent(event) : event;
    },
    handle: async (event) => {
      if (event.type !== 'TransactionPosted') return;
      const outcome = await applyLedgerEvent(db, event as LedgerEvent, log);
      log.debug({ eventId: event.id, outcome }, 'ledger event handled');
    },
    // A busy pool's contributions arrive in bursts: settle each read in one commit.
    handleBatch: async (events) => {
      const posted = events.filter((e): e is LedgerEvent => e.type === 'TransactionPosted');
      const applied = await applyLedgerEvents(db, posted, log);
      log.debug({ events: events.length, applied }, 'ledger events handled');
    },
    log,
  });
}
