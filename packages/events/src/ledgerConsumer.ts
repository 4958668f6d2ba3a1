import { hostname } from 'node:os';
import {
  retryTransaction,
  type Logger,
  type RedisClient,
  type Registry,
} from '@poolgraph/platform';
import type { SqlExecutor } from '@poolgraph/platform';
import { claimNew, isClaimConflict } from './applyOnce.ts';
import { consumeStream, type StreamConsumer, type StreamMessage } from './consumer.ts';
import {
  ledgerEventsStream,
  parseDomainEvent,
  parseLedgerEvent,
  type LedgerEvent,
} from './events.ts';
import { consumerMetrics, type ConsumerMetrics } from './consumerMetrics.ts';

/**
 * What a service supplies to consume `ledger.events` (its `src/events/`): everything else —
 * parsing, batching, de-duplication, the lock-conflict retry, acknowledgement, metrics — is
 * consumeLedgerEvents'. Posted transactions only: the other steps are not money.
 */
export interface LedgerEventHandler<TTx extends SqlExecutor, TResult = void> {
  /** The consumer group, one per handler ("pools", "alerts", "reports", …). */
  group: string;
  /**
   * Whether an event can change anything this handler keeps. The rest are acknowledged without
   * opening a transaction, so an unrelated event costs no SQL at all. Default: every event.
   */
  accepts?: (event: LedgerEvent) => boolean;
  /**
   * Applies events never applied before, in stream order, in the transaction that records them
   * as applied. Called with a whole read, or (should that throw) with one event at a time.
   */
  apply: (tx: TTx, events: LedgerEvent[]) => Promise<TResult>;
  /** After the commit (live delivery, wake-ups, logs); never for a batch that applied nothing. */
  committed?: (result: TResult, events: LedgerEvent[]) => void;
  /** The table that records what was applied (`processedEventsTable()`); processed_events. */
  table?: string;
  /** The key recorded there: the event id unless the handler's own replay path uses another. */
  keyOf?: (event: LedgerEvent) => string;
  /**
   * Entries per read, so per transaction (default 100). Larger suits cheap per-event work
   * (a projection's multi-row upserts); smaller keeps a transaction of heavy per-event writes
   * short, and its first effects visible sooner.
   */
  batchSize?: number;
}

/** What a database must offer: transactions on an executor (drizzle's MySql2Database does). */
export interface TransactionalDb<TTx> {
  transaction<T>(work: (tx: TTx) => Promise<T>): Promise<T>;
}

export interface LedgerBatchOutcome {
  applied: number;
  duplicates: number;
  /** Not accepted by the handler: acknowledged without a transaction. */
  skipped: number;
}

/**
 * One attempt at a batch: the accepted events' keys are claimed (claimNew) and the new ones
 * applied, in one transaction. No retry here: the caller's loop retries isClaimConflict.
 */
export async function applyLedgerBatch<TTx extends SqlExecutor, TResult>(
  db: TransactionalDb<TTx>,
  handler: LedgerEventHandler<TTx, TResult>,
  events: readonly LedgerEvent[],
): Promise<LedgerBatchOutcome> {
  const accepted = handler.accepts ? events.filter(handler.accepts) : [...events];
  const skipped = events.length - accepted.length;
  if (accepted.length === 0) return { applied: 0, duplicates: 0, skipped };
  const keyOf = handler.keyOf ?? ((event: LedgerEvent) => event.id);
  const done = await db.transaction(async (tx) => {
    const claimed = await claimNew(tx, accepted.map(keyOf), handler.table);
    // delete: a key repeated inside the batch applies once.
    const fresh = accepted.filter((event) => claimed.delete(keyOf(event)));
    return fresh.length ? { fresh, result: await handler.apply(tx, fresh) } : undefined;
  });
  if (done) handler.committed?.(done.result, done.fresh);
  const applied = done?.fresh.length ?? 0;
  return { applied, duplicates: accepted.length - applied, skipped };
}

/** applyLedgerBatch with the platform's retry: for callers outside a consumer (tests, tools). */
export const applyLedgerEvents = <TTx extends SqlExecutor, TResult>(
  db: TransactionalDb<TTx>,
  handler: LedgerEventHandler<TTx, TResult>,
  events: readonly LedgerEvent[],
): Promise<LedgerBatchOutcome> =>
  retryTransaction(() => applyLedgerBatch(db, handler, events), { retryable: isClaimConflict });

export interface LedgerConsumerOptions<TTx extends SqlExecutor, TResult> {
  redis: RedisClient;
  /** The deployment's shared prefix (the ledger publishes under it). */
  redisPrefix: string;
  /** Stable per replica (default the host name): a restart re-reads its own pending entries. */
  consumer?: string;
  db: TransactionalDb<TTx>;
  handler: LedgerEventHandler<TTx, TResult>;
  log: Logger;
  /** Where to count events and time each hop (consumerMetrics). */
  registry?: Registry;
  claimIdleMs?: number;
}

/** Entries of types the contract does not make money are acknowledged and skipped. */
function parsePosted(raw: string): LedgerEvent | null {
  const event = parseDomainEvent(raw);
  return event.type === 'TransactionPosted' ? parseLedgerEvent(event) : null;
}

/**
 * The one way to consume `<prefix>ledger.events`: reads in the handler's group, a read at a
 * time (one transaction, one acknowledgement), the handler's events de-duplicated by key in
 * that transaction, lock conflicts and claim races run again at once (the platform's
 * retryTransaction, once, inside consumeStream), a failing batch retried event by event.
 */
export function consumeLedgerEvents<TTx extends SqlExecutor, TResult>(
  options: LedgerConsumerOptions<TTx, TResult>,
): StreamConsumer {
  const { db, handler } = options;
  const metrics: ConsumerMetrics | undefined = options.registry
    ? consumerMetrics(options.registry)
    : undefined;
  const handleBatch = async (parsed: Array<LedgerEvent | null>, messages: StreamMessage[]) => {
    const events = parsed.filter((event): event is LedgerEvent => event !== null);
    const outcome = await applyLedgerBatch(db, handler, events);
    const unknownTypes = parsed.length - events.length;
    metrics?.observe(
      handler.group,
      { ...outcome, skipped: outcome.skipped + unknownTypes },
      parsed,
      messages,
    );
  };
  return consumeStream<LedgerEvent | null>({
    redis: options.redis,
    stream: ledgerEventsStream(options.redisPrefix),
    group: handler.group,
    consumer: options.consumer ?? hostname(),
    parse: parsePosted,
    handle: (event, message) => handleBatch([event], [message]),
    handleBatch,
    retryable: isClaimConflict,
    batchSize: handler.batchSize ?? 100,
    claimIdleMs: options.claimIdleMs,
    log: options.log,
  });
}
