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
  parseLedgerStreamEvent,
  type LedgerEvent,
  type LedgerStreamEvent,
} from './events.ts';
import { consumerMetrics, type ConsumerMetrics } from './consumerMetrics.ts';

/**
 * What a service supplies to consume `ledger.events` (its `src/events/`): everything else —
 * parsing, batching, de-duplication, the lock-conflict retry, acknowledgement, metrics — is
 * consumeLedgerEvents'. Posted transactions only, unless the handler names more `types`.
 */
export interface LedgerEventHandler<
  TTx extends SqlExecutor,
  TResult = void,
  E extends LedgerStreamEvent = LedgerEvent,
> {
  /** The consumer group, one per handler ("pools", "alerts", "reports", …). */
  group: string;
  /**
   * The event types it reads (default only TransactionPosted, the money): other transaction
   * steps, a payment's held and refunded money. The rest are acknowledged without a transaction.
   */
  types?: ReadonlyArray<E['type']>;
  /**
   * Whether an event can change anything this handler keeps. The rest are acknowledged without
   * opening a transaction, so an unrelated event costs no SQL at all. Default: every event.
   */
  accepts?: (event: E) => boolean;
  /**
   * Applies events never applied before, in stream order, in the transaction that records them
   * as applied. Called with a whole read, or (should that throw) with one event at a time.
   */
  apply: (tx: TTx, events: E[]) => Promise<TResult>;
  /** After the commit (live delivery, wake-ups, logs); never for a batch that applied nothing. */
  committed?: (result: TResult, events: E[]) => void;
  /** The table that records what was applied (`processedEventsTable()`); processed_events. */
  table?: string;
  /** The key recorded there: the event id unless the handler's own replay path uses another. */
  keyOf?: (event: E) => string;
  /**
   * Entries per read, so per transaction (default 100). Larger suits cheap per-event work
   * (a projection's multi-row upserts); smaller keeps a transaction of heavy per-event writes
   * short, and its first effects visible sooner.
   */
  batchSize?: number;
  /**
   * How long a busy stream is left to fill the next read (consumeStream's `lingerMs`; default
   * LEDGER_LINGER_MS): the price, in latency under load, of fewer transactions per event.
   */
  lingerMs?: number;
}

/**
 * The default wait between reads of a busy `ledger.events` (docs/SCALING.md, "Consumers"): at a
 * few hundred contributions a second a read then takes several events, so a transaction's fixed
 * statements (begin, claim, locks, commit) are shared, for at most this much added latency.
 */
export const LEDGER_LINGER_MS = 20;

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
export async function applyLedgerBatch<
  TTx extends SqlExecutor,
  TResult,
  E extends LedgerStreamEvent = LedgerEvent,
>(
  db: TransactionalDb<TTx>,
  handler: LedgerEventHandler<TTx, TResult, E>,
  events: readonly E[],
): Promise<LedgerBatchOutcome> {
  const accepted = handler.accepts ? events.filter(handler.accepts) : [...events];
  const skipped = events.length - accepted.length;
  if (accepted.length === 0) return { applied: 0, duplicates: 0, skipped };
  const keyOf = handler.keyOf ?? ((event: E) => event.id);
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
export const applyLedgerEvents = <
  TTx extends SqlExecutor,
  TResult,
  E extends LedgerStreamEvent = LedgerEvent,
>(
  db: TransactionalDb<TTx>,
  handler: LedgerEventHandler<TTx, TResult, E>,
  events: readonly E[],
): Promise<LedgerBatchOutcome> =>
  retryTransaction(() => applyLedgerBatch(db, handler, events), { retryable: isClaimConflict });

export interface LedgerConsumerOptions<
  TTx extends SqlExecutor,
  TResult,
  E extends LedgerStreamEvent = LedgerEvent,
> {
  redis: RedisClient;
  /** The deployment's shared prefix (the ledger publishes under it). */
  redisPrefix: string;
  /** Stable per replica (default the host name): a restart re-reads its own pending entries. */
  consumer?: string;
  db: TransactionalDb<TTx>;
  handler: LedgerEventHandler<TTx, TResult, E>;
  log: Logger;
  /** Where to count events and time each hop (consumerMetrics). */
  registry?: Registry;
  claimIdleMs?: number;
}

/** A parser for the handler's event types; entries of any other type come out null (skipped). */
const typesParser =
  <E extends LedgerStreamEvent>(types: ReadonlyArray<E['type']>) =>
  (raw: string): E | null => {
    const event = parseDomainEvent(raw);
    return (types as readonly string[]).includes(event.type)
      ? (parseLedgerStreamEvent(event) as E)
      : null;
  };

/**
 * The one way to consume `<prefix>ledger.events`: reads in the handler's group, a read at a
 * time (one transaction, one acknowledgement), the handler's events de-duplicated by key in
 * that transaction, lock conflicts and claim races run again at once (the platform's
 * retryTransaction, once, inside consumeStream), a failing batch retried event by event.
 */
export function consumeLedgerEvents<
  TTx extends SqlExecutor,
  TResult,
  E extends LedgerStreamEvent = LedgerEvent,
>(options: LedgerConsumerOptions<TTx, TResult, E>): StreamConsumer {
  const { db, handler } = options;
  const metrics: ConsumerMetrics | undefined = options.registry
    ? consumerMetrics(options.registry)
    : undefined;
  const handleBatch = async (parsed: Array<E | null>, messages: StreamMessage[]) => {
    const events = parsed.filter((event): event is E => event !== null);
    const outcome = await applyLedgerBatch(db, handler, events);
    const unknownTypes = parsed.length - events.length;
    metrics?.observe(
      handler.group,
      { ...outcome, skipped: outcome.skipped + unknownTypes },
      parsed,
      messages,
    );
  };
  return consumeStream<E | null>({
    redis: options.redis,
    stream: ledgerEventsStream(options.redisPrefix),
    group: handler.group,
    consumer: options.consumer ?? hostname(),
    parse: typesParser<E>(handler.types ?? ['TransactionPosted' as E['type']]),
    handle: (event, message) => handleBatch([event], [message]),
    handleBatch,
    retryable: isClaimConflict,
    batchSize: handler.batchSize ?? 100,
    lingerMs: handler.lingerMs ?? LEDGER_LINGER_MS,
    claimIdleMs: options.claimIdleMs,
    log: options.log,
  });
}
