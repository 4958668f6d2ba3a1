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
import type { ReportsDb } from '../db/index.ts';
import { applyLedgerTransactions, type LedgerTransaction } from '../services/readModel.ts';

export const LEDGER_GROUP = 'reports';

export interface LedgerConsumerOptions {
  db: ReportsDb;
  redis: RedisClient;
  /** The deployment's shared prefix (the ledger publishes under it). */
  eventsPrefix: string;
  consumerName?: string;
  log: Logger;
  /** Called after each applied batch (metrics). */
  onApplied?: (count: number) => void;
}

/** A TransactionPosted event as the read model's input. */
export function transactionOf(event: LedgerEvent): LedgerTransaction {
  const p = event.payload;
  return {
    transactionId: p.transactionId,
    poolId: p.poolId,
    investorId: p.investorId,
    type: p.type,
    amountMinor: BigInt(p.amountMinor),
    currency: p.currency,
    occurredAt: new Date(event.occurredAt),
    allocations: (p.allocations ?? []).map((a) => ({
      investorId: a.investorId,
      amountMinor: BigInt(a.amountMinor),
    })),
  };
}

/**
 * Reads `ledger.events` in the consumer group "reports" and folds each read into the read
 * models in one MySQL transaction, acknowledged after it commits. Idempotent by transaction id.
 */
export function startLedgerConsumer(options: LedgerConsumerOptions): StreamConsumer {
  const { db, log } = options;
  const apply = async (events: DomainEvent[]) => {
    const posted = events.filter((e): e is LedgerEvent => e.type === 'TransactionPosted');
    if (posted.length === 0) return;
    const applied = await db.transaction((tx) =>
      applyLedgerTransactions(tx, posted.map(transactionOf)),
    );
    options.onApplied?.(applied);
  };
  return consumeStream<DomainEvent>({
    redis: options.redis,
    stream: ledgerEventsStream(options.eventsPrefix),
    group: LEDGER_GROUP,
    consumer: options.consumerName ?? hostname(),
    // Types reports does not know are acknowledged and skipped, not dropped as malformed.
    parse: (raw) => {
      const event = parseDomainEvent(raw);
      return event.type === 'TransactionPosted' ? parseLedgerEvent(event) : event;
    },
    handle: (event) => apply([event]),
    handleBatch: apply,
    batchSize: 500,
    log,
  });
}
