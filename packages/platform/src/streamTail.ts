import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { SUBSCRIPTION_QUEUE_LIMIT } from './liveQueue.ts';
import { connectRedis, type RedisClient } from './redis.ts';
import { compareStreamIds as cmp, isStreamId } from './streamIds.ts';
import {
  followerTake,
  openTailSubscription,
  type TailFollow,
  type TailSubscription,
} from './tailSubscription.ts';
import { TailWindow, type TailEntry } from './tailWindow.ts';

/** One event as a tail subscription delivers it: its stream entry id is its resume cursor. */
export interface Cursored<T> {
  cursor: string;
  event: T;
}

export interface StreamTailOptions<T> {
  redisUrl: string;
  /** A client for one-off reads (the replay fallback); the tail opens its own blocking one. */
  redis: RedisClient;
  /** The full stream name; each entry's `event` field is the event's JSON. */
  stream: string;
  /** Which subscribers an event is for (e.g. its pool id); undefined: nobody's. */
  keyOf: (event: T) => string | undefined;
  /**
   * The event's own id, when the producer may write one event twice (an outbox relay that
   * lost Redis' reply republishes): a copy of a recent event is dropped, not delivered again.
   */
  idOf?: (event: T) => string;
  log: Logger;
  /** Entries kept in memory to resume from (default 20,000), at most windowMs old. */
  windowEntries?: number;
  windowMs?: number;
  /** Events one resume may replay before it is refused (default SUBSCRIPTION_QUEUE_LIMIT). */
  replayLimit?: number;
  /** Stream entries the Redis fallback may scan for one resume (default 10,000). */
  scanLimit?: number;
}

export interface StreamTail<T> {
  /**
   * A key's events from now on, or, with `resumeAfter` (a cursor it delivered), every event of
   * the key after that cursor first. A resume it cannot serve completely ends with
   * SUBSCRIPTION_BEHIND rather than skipping events silently.
   */
  subscribe(key: string, resumeAfter?: string): AsyncIterableIterator<Cursored<T>>;
  /**
   * The same, as a subscription resolver returns it: each event of the key the follower
   * `keep`s becomes its `map`ped root value, marked with the event's cursor (`withCursor`),
   * after the follower's `snapshot` when it has one. Filter, mapping and snapshot run as the
   * subscriber takes each, in the one bounded queue.
   */
  subscribe<R extends object>(key: string, follow: TailFollow<T, R>): AsyncIterableIterator<R>;
  /** Live subscriptions in this process (a metric, and tests wait on it). */
  readonly listeners: number;
  /** Live subscriptions to one key (a client that left no longer counts). */
  listening(key: string): number;
  close(): Promise<void>;
}

/** The error a resume that cannot be served ends with (the same code as overflow). */
export const cannotResume = (why: string) =>
  new GraphQLError(`The subscription cannot resume where it left off (${why}); subscribe again.`, {
    extensions: { code: 'SUBSCRIPTION_BEHIND' },
  });

type StreamReply = Array<[string, Array<[string, string[]]>]> | null;

/**
 * Live subscriptions fed by reading a Redis stream (XREAD BLOCK, one connection per process)
 * instead of pub/sub. The stream keeps what pub/sub drops: after a Redis restart (with AOF) the
 * tail reads on from the last id it saw, so nothing published while it was away is lost, and a
 * caller that reconnects (to this replica or another) resumes from its cursor, replayed from
 * the tail's in-memory window or, failing that, from the stream itself.
 */
export function createStreamTail<T>(options: StreamTailOptions<T>): StreamTail<T> {
  const { stream, log } = options;
  const replayLimit = options.replayLimit ?? SUBSCRIPTION_QUEUE_LIMIT;
  const scanLimit = options.scanLimit ?? 10_000;
  const window = new TailWindow<T>(options.windowEntries ?? 20_000, options.windowMs ?? 600_000);
  const blocking = connectRedis(options.redisUrl, log, 'stream-tail', {
    maxRetriesPerRequest: null,
  });
  const byKey = new Map<string, Set<Pick<TailSubscription<T, unknown>, 'offer'>>>();
  let listeners = 0;
  /** Event ids of the latest entries, oldest first, to drop republished copies. */
  const recent = new Set<string>();
  const RECENT_IDS = 10_000;
  const isCopy = (entry: TailEntry<T>): boolean => {
    const id = options.idOf?.(entry.event);
    if (id === undefined) return false;
    if (recent.has(id)) return true;
    recent.add(id);
    if (recent.size > RECENT_IDS) recent.delete(recent.values().next().value as string);
    return false;
  };
  let lastId: string | undefined;
  let started: (position: string) => void = () => undefined;
  /** The position the tail's first read starts after, once it knows it (resumes wait for it). */
  const ready = new Promise<string>((resolve) => (started = resolve));
  let stopping = false;

  const entryOf = (id: string, fields: string[]): TailEntry<T> | undefined => {
    const json = fields[fields.indexOf('event') + 1];
    try {
      const event = JSON.parse(json ?? '') as T;
      return { id, key: options.keyOf(event), event };
    } catch {
      log.warn({ stream, id }, 'stream entry is not an event; skipped');
      return undefined;
    }
  };

  /** Where to start: the newest entries already in the stream warm the window. */
  async function position(): Promise<string> {
    const newest = (await blocking.xrevrange(stream, '+', '-', 'COUNT', 1_000)) as Array<
      [string, string[]]
    >;
    const entries = newest
      .reverse()
      .flatMap(([id, fields]) => entryOf(id, fields) ?? [])
      .filter((entry) => !isCopy(entry));
    if (entries.length) window.load(entries);
    else window.floor = newest[0]?.[0] ?? (await lastGeneratedId());
    return newest.at(-1)?.[0] ?? window.floor;
  }

  async function lastGeneratedId(): Promise<string> {
    try {
      const info = (await blocking.xinfo('STREAM', stream)) as unknown[];
      return String(info[info.indexOf('last-generated-id') + 1] ?? '0-0');
    } catch {
      return '0-0'; // no stream yet: every entry it will hold is new
    }
  }

  function dispatch(entry: TailEntry<T>): void {
    lastId = entry.id;
    if (isCopy(entry)) return;
    window.push(entry);
    if (entry.key === undefined) return;
    for (const subscription of byKey.get(entry.key) ?? []) subscription.offer(entry);
  }

  async function loop(): Promise<void> {
    let delay = 100;
    while (!stopping) {
      try {
        if (lastId === undefined) {
          lastId = await position();
          started(lastId);
        }
        const reply = (await blocking.xread(
          'COUNT',
          500,
          'BLOCK',
          5_000,
          'STREAMS',
          stream,
          lastId,
        )) as StreamReply;
        delay = 100;
        for (const [id, fields] of reply?.[0]?.[1] ?? []) {
          const entry = entryOf(id, fields);
          if (entry) dispatch(entry);
          else lastId = id;
        }
      } catch (error) {
        if (stopping) break;
        // Redis is away: read on from the same id once it is back (the stream kept the rest).
        log.warn({ err: error, stream }, 'stream tail read failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 2_000);
      }
    }
  }
  const running = loop();

  /** Events of `key` in (after, upTo], from the window or the stream; throws when it cannot. */
  async function replay(key: string, after: string, upTo: string): Promise<TailEntry<T>[]> {
    const fromWindow = window.since(key, after, upTo);
    if (fromWindow) return fromWindow;
    const scanned = (await options.redis.xrange(
      stream,
      after,
      upTo,
      'COUNT',
      scanLimit + 1,
    )) as Array<[string, string[]]>;
    // The cursor's own entry still there: nothing after it was trimmed.
    if (scanned[0]?.[0] !== after) throw cannotResume('its events are no longer kept');
    if (scanned.length > scanLimit) throw cannotResume('too far behind');
    const seen = new Set<string>();
    return scanned
      .flatMap(([id, fields]) => entryOf(id, fields) ?? [])
      .filter((entry) => {
        const id = options.idOf?.(entry.event);
        if (id !== undefined && seen.has(id)) return false;
        if (id !== undefined) seen.add(id);
        return entry.id !== after && entry.key === key;
      });
  }

  return {
    subscribe<R extends object>(key: string, how?: string | TailFollow<T, R>) {
      const resumeAfter = typeof how === 'string' ? how : how?.resumeAfter;
      const take =
        typeof how === 'object'
          ? followerTake(how)
          : (entry: TailEntry<T>) => ({ cursor: entry.id, event: entry.event }) as unknown as R;
      const set = byKey.get(key) ?? new Set();
      byKey.set(key, set);
      const subscription: TailSubscription<T, R> = openTailSubscription<T, R>({
        limit: replayLimit,
        resumeAfter,
        take,
        snapshot: typeof how === 'object' ? how.snapshot : undefined,
        // Whatever the tail reads from here on is offered to it: it starts after the tail's
        // position now (or after the first read's, before that).
        startsAfter:
          typeof how === 'object' && how.position && resumeAfter === undefined
            ? Promise.resolve(lastId ?? ready)
            : undefined,
        onEnd: () => {
          listeners--;
          set.delete(subscription);
          if (set.size === 0 && byKey.get(key) === set) byKey.delete(key);
        },
      });
      listeners++;
      // Registered before replaying: whatever the tail reads from here on is held for it.
      set.add(subscription);
      if (resumeAfter === undefined) subscription.live();
      else if (!isStreamId(resumeAfter)) subscription.fail(cannotResume('not a cursor'));
      else {
        // Entries up to the tail's position are replayed; those after it arrive live (held).
        const upTo = ready.then(() => lastId ?? '0-0');
        upTo
          .then((position) =>
            cmp(resumeAfter, position) >= 0 ? [] : replay(key, resumeAfter, position),
          )
          .then(
            (entries) => subscription.replayed(entries),
            (error: unknown) =>
              subscription.fail(
                error instanceof GraphQLError ? error : cannotResume('the stream is unavailable'),
              ),
          );
      }
      return subscription.queue;
    },
    get listeners() {
      return listeners;
    },
    listening: (key) => byKey.get(key)?.size ?? 0,
    async close() {
      stopping = true;
      blocking.disconnect();
      await running;
    },
  };
}
