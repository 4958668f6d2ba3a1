import {
  contextOfTraceparent,
  inSpan,
  isLockConflict,
  retryTransaction,
  SpanKind,
  type Logger,
  type RedisClient,
} from '@poolgraph/platform';
import { parseDomainEvent, type DomainEvent } from './events.ts';
import { traceparentOf } from './trace.ts';

export interface StreamMessage {
  /** The entry's stream id (e.g. "1700000000000-0"); not the event id. */
  streamId: string;
}

export interface ConsumeStreamOptions<TEvent> {
  /** A connected client; the consumer duplicates it, since blocking reads hold a connection. */
  redis: RedisClient;
  stream: string;
  group: string;
  /** Stable per replica (e.g. the host name): after a restart it re-reads its own pending entries. */
  consumer: string;
  /** Applies one event; it must be idempotent by event id (see applyEventOnce). Throw to retry. */
  handle: (event: TEvent, message: StreamMessage) => Promise<void>;
  /**
   * Applies a whole read at once (see applyEventsOnce: one commit for many events). When it
   * throws, the entries are handled one by one, so one bad event does not hold up the others.
   */
  handleBatch?: (events: TEvent[], messages: StreamMessage[]) => Promise<void>;
  /** Turns the `event` field into TEvent; default parseDomainEvent. Throwing drops the entry. */
  parse?: (raw: string) => TEvent;
  /** Where a new group starts: "0" (default) replays the whole stream, "$" only new entries. */
  startId?: string;
  batchSize?: number;
  /**
   * After a read that was neither empty nor full (the stream is busy, but slower than the
   * consumer), the next read starts no sooner than this long after it, so that it takes a fuller
   * batch: fewer transactions and round trips per event under load, at the price of up to this
   * much latency then (less the time the read took to handle). An entry arriving after an empty
   * read (an idle stream) is read at once. Default 0.
   */
  lingerMs?: number;
  blockMs?: number;
  /**
   * Another consumer's entries pending longer than this (it crashed or left) are reclaimed; the
   * ceiling of the backoff between retries of this consumer's own failed entries.
   */
  claimIdleMs?: number;
  /**
   * Failures after which a handle (or batch) runs again at once, up to five times, through the
   * platform's retryTransaction (default isLockConflict: InnoDB rolled it back for a deadlock or
   * a lock wait timeout, common when two replicas of a projector upsert the same new rows).
   * Handles are idempotent transactions, so a repeat is safe; anything else stays pending and is
   * retried with backoff (200 ms, doubling, at most `claimIdleMs`).
   */
  retryable?: (error: unknown) => boolean;
  log: Logger;
}

export interface StreamConsumer {
  /** Stops reading; resolves once the entry in progress is handled. */
  stop(): Promise<void>;
}

type Entry = [id: string, fields: string[]];
type ReadReply = Array<[stream: string, entries: Entry[]]> | null;
type ClaimReply = [next: string, entries: Array<Entry | null>, deleted?: string[]];

const fieldOf = (fields: string[], name: string): string | undefined => {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
};

/**
 * Reads a stream through a consumer group: XREADGROUP for new entries, XACK after `handle`
 * succeeds, its own pending entries read again after a failed handle or a lost connection, and
 * XAUTOCLAIM for entries left pending by crashed consumers. Delivery
 * is at least once and in stream order except for retried entries; handles deduplicate by id.
 */
export function consumeStream<TEvent = DomainEvent>(
  options: ConsumeStreamOptions<TEvent>,
): StreamConsumer {
  const { stream, group, consumer, log } = options;
  const parse = options.parse ?? ((raw: string) => parseDomainEvent(raw) as TEvent);
  const batchSize = options.batchSize ?? 100;
  const lingerMs = options.lingerMs ?? 0;
  const blockMs = options.blockMs ?? 2_000;
  const claimIdleMs = options.claimIdleMs ?? 30_000;
  const retry = <T>(work: () => Promise<T>) =>
    retryTransaction(work, { retryable: options.retryable ?? isLockConflict });
  const client = options.redis.duplicate();
  client.on('error', () => {}); // the parent client logs outages; retries are below
  let stopping = false;
  let blocking = false;
  /**
   * This consumer may hold entries it has not handled: at start (a previous run's), after a
   * failed handle, and after a lost connection. A read's reply can be lost with the connection
   * after Redis made its entries pending here; ioredis resends the read, and a '>' read never
   * returns them. Such entries are read again by id within seconds (drainOwnPending), not left
   * for the reclaim after claimIdleMs.
   */
  let ownPending = true;
  const markOwnPending = () => void (ownPending = true);
  client.on('close', markOwnPending);
  client.on('-node', markOwnPending); // a cluster node's connection: the same, per node

  async function ensureGroup(): Promise<void> {
    try {
      await client.xgroup('CREATE', stream, group, options.startId ?? '0', 'MKSTREAM');
    } catch (error) {
      if (!String((error as Error).message).includes('BUSYGROUP')) throw error;
    }
  }

  /** The entry's event, or undefined after acknowledging an entry that can never be handled. */
  async function parseEntry([streamId, fields]: Entry): Promise<TEvent | undefined> {
    const raw = fieldOf(fields, 'event');
    try {
      if (raw === undefined) throw new TypeError('entry has no "event" field');
      return parse(raw);
    } catch (error) {
      // It can never succeed; keeping it pending would retry it forever.
      log.error({ err: error, stream, streamId }, 'dropping malformed stream entry');
      await client.xack(stream, group, streamId);
      return undefined;
    }
  }

  /** A consumer span, child of the trace that wrote the event (its envelope's `trace`). */
  const consumerSpan = (entry: Entry, work: () => Promise<void>) =>
    inSpan(
      `${group} process`,
      {
        kind: SpanKind.CONSUMER,
        parent: contextOfTraceparent(traceparentOf(fieldOf(entry[1], 'event') ?? '')),
        attributes: {
          'messaging.system': 'redis',
          'messaging.destination.name': stream,
          'messaging.consumer.group.name': group,
          'messaging.message.id': entry[0],
        },
      },
      work,
    );

  async function processEntry(entry: Entry, parsed?: TEvent): Promise<void> {
    const [streamId] = entry;
    const event = parsed ?? (await parseEntry(entry));
    if (event === undefined) return;
    try {
      await consumerSpan(entry, () => retry(() => options.handle(event, { streamId })));
      await client.xack(stream, group, streamId);
    } catch (error) {
      markOwnPending();
      log.warn({ err: error, stream, streamId }, 'event handler failed; the entry will be retried');
    }
  }

  async function processEntries(entries: Entry[]): Promise<void> {
    const { handleBatch } = options;
    if (!handleBatch || entries.length < 2) {
      for (const entry of entries) await processEntry(entry);
      return;
    }
    const parsed: Array<{ entry: Entry; event: TEvent }> = [];
    for (const entry of entries) {
      const event = await parseEntry(entry);
      if (event !== undefined) parsed.push({ entry, event });
    }
    if (parsed.length === 0) return;
    try {
      await consumerSpan(parsed[0]!.entry, () =>
        retry(() =>
          handleBatch(
            parsed.map((p) => p.event),
            parsed.map((p) => ({ streamId: p.entry[0] })),
          ),
        ),
      );
      await client.xack(stream, group, ...parsed.map((p) => p.entry[0]));
    } catch (error) {
      log.warn(
        { err: error, stream, count: parsed.length },
        'batch failed; handling its events one by one',
      );
      for (const { entry, event } of parsed) await processEntry(entry, event);
    }
  }

  /** Entries this consumer received and never acknowledged (see ownPending). */
  async function drainOwnPending(): Promise<void> {
    ownPending = false;
    let cursor = '0';
    while (!stopping) {
      const reply = (await client.xreadgroup(
        'GROUP',
        group,
        consumer,
        'COUNT',
        batchSize,
        'STREAMS',
        stream,
        cursor,
      )) as ReadReply;
      const entries = reply?.[0]?.[1] ?? [];
      if (entries.length === 0) return;
      await processEntries(entries);
      cursor = entries[entries.length - 1]![0];
    }
  }

  async function reclaimStale(): Promise<void> {
    let start = '0-0';
    do {
      const [next, entries] = (await client.xautoclaim(
        stream,
        group,
        consumer,
        claimIdleMs,
        start,
        'COUNT',
        batchSize,
      )) as ClaimReply;
      await processEntries(entries.filter((entry): entry is Entry => entry !== null));
      start = next;
    } while (start !== '0-0' && !stopping);
  }

  async function run(): Promise<void> {
    let lastClaim = 0;
    let delay = 200;
    // Own pending entries that keep failing are retried ever less often, up to claimIdleMs.
    let ownDelay = 200;
    let ownRetryAt = 0;
    let ready = false;
    let lastRead = 0;
    let lastReadAt = 0;
    while (!stopping) {
      try {
        if (!ready) {
          await ensureGroup();
          ready = true;
        }
        if (ownPending && Date.now() >= ownRetryAt) {
          await drainOwnPending();
          if (!ownPending) ownDelay = 200;
          else {
            ownRetryAt = Date.now() + ownDelay;
            ownDelay = Math.min(ownDelay * 2, claimIdleMs);
          }
        }
        if (Date.now() - lastClaim >= claimIdleMs / 2) {
          await reclaimStale();
          lastClaim = Date.now();
        }
        const wait = lastReadAt + lingerMs - Date.now();
        if (lastRead > 0 && lastRead < batchSize && wait > 0) {
          await new Promise((resolve) => setTimeout(resolve, wait));
          if (stopping) return;
        }
        blocking = true;
        const reply = (await client.xreadgroup(
          'GROUP',
          group,
          consumer,
          'COUNT',
          batchSize,
          'BLOCK',
          blockMs,
          'STREAMS',
          stream,
          '>',
        )) as ReadReply;
        blocking = false;
        const entries = reply?.[0]?.[1] ?? [];
        lastRead = entries.length;
        lastReadAt = Date.now();
        await processEntries(entries);
        delay = 200;
      } catch (error) {
        blocking = false;
        if (stopping) return;
        markOwnPending();
        // NOGROUP: the stream or group vanished (Redis restarted empty); recreate it.
        if (String((error as Error).message).includes('NOGROUP')) ready = false;
        log.warn({ err: error, stream, group }, 'stream read failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 5_000);
      }
    }
  }

  const done = run();
  return {
    async stop() {
      stopping = true;
      // Interrupt a blocking XREADGROUP, but let an entry being handled finish and be acked.
      if (blocking) client.disconnect();
      await done;
      client.disconnect();
    },
  };
}
