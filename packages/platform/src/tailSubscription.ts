import type { GraphQLError } from 'graphql';
import { LiveQueue, subscriberBehind } from './liveQueue.ts';
import { compareStreamIds as cmp, isStreamId } from './streamIds.ts';
import { positionMarker, withCursor } from './subscriptionCursor.ts';
import type { TailEntry } from './tailWindow.ts';
import { contextOfTraceparent, inSpan, SpanKind, tracingEnabled } from './tracing.ts';

/** What a subscriber makes of its key's events (a resolver's filter and root value). */
export interface TailFollow<T, R extends object> {
  /** Ask to resume after this cursor (`resumeOf(context)`): the missed events come first. */
  resumeAfter?: string;
  /**
   * Deliver first where the subscription starts (`positionMarker`), when it does not resume:
   * a caller that loses it before the first event resumes from there (`resumeOf(context)`).
   */
  position?: boolean;
  /** The subscriber's own filter (per-event authorization); false skips the event. */
  keep?: (event: T) => boolean | Promise<boolean>;
  /** The root value the event becomes; the tail marks it with the event's cursor. */
  map: (event: T) => R | Promise<R>;
  /**
   * A root value delivered before any event: the current state (a count, say), computed when
   * the subscriber first pulls, after the subscription is registered with the tail. An event
   * written after that read is delivered after it, so the state and the events that follow
   * miss nothing between them. It has no cursor: a resume starts with a fresh one.
   */
  snapshot?: () => R | Promise<R>;
}

/** The `traceparent` an event envelope carries (the outbox's trace; see @poolgraph/events). */
const traceparentOf = (event: unknown): string | undefined => {
  const trace = (event as { trace?: { traceparent?: unknown } } | null)?.trace;
  return typeof trace?.traceparent === 'string' ? trace.traceparent : undefined;
};

/**
 * A follower's `take`: its filter, then its mapping with the cursor put on the result. With
 * tracing, the event's delivery to this subscriber joins the trace that caused it.
 */
export function followerTake<T, R extends object>({ keep, map }: TailFollow<T, R>) {
  return async (entry: TailEntry<T>): Promise<R | undefined> => {
    if (keep && !(await keep(entry.event))) return undefined;
    const traceparent = tracingEnabled() ? traceparentOf(entry.event) : undefined;
    const value = traceparent
      ? await inSpan(
          'subscription event',
          { kind: SpanKind.CONSUMER, parent: contextOfTraceparent(traceparent) },
          async () => map(entry.event),
        )
      : await map(entry.event);
    return withCursor(value, entry.id);
  };
}

export interface TailSubscription<T, R> {
  /** A live entry from the tail: held while the replay runs, then delivered. */
  offer(entry: TailEntry<T>): void;
  /** No replay: deliver live entries from now on. */
  live(): void;
  /** The replay's entries, delivered before the held live ones (duplicates dropped). */
  replayed(entries: readonly TailEntry<T>[]): void;
  fail(error: GraphQLError): void;
  /** What the subscriber pulls: the platform's one bounded queue. */
  queue: LiveQueue<TailEntry<T> | typeof SNAPSHOT | typeof POSITION, R>;
}

interface Options<T, R> {
  /** Events waiting (queued, or held during a replay) before the subscription is ended. */
  limit: number;
  resumeAfter: string | undefined;
  /** The subscriber's own filter and mapping, applied as it takes each entry. */
  take: (entry: TailEntry<T>) => R | undefined | Promise<R | undefined>;
  /** TailFollow's `snapshot`: the first thing the subscriber takes. */
  snapshot?: () => R | Promise<R>;
  /** The cursor the subscription starts after, delivered before anything else (`position`). */
  startsAfter?: Promise<string>;
  onEnd: () => void;
}

/** Where the snapshot waits in the queue: taken first, before any entry. */
const SNAPSHOT = Symbol('snapshot');
/** Where the starting position waits: before the snapshot. */
const POSITION = Symbol('position');

/**
 * One subscriber of a stream tail: a `LiveQueue` (ended with SUBSCRIPTION_BEHIND when it falls
 * `limit` entries behind) that delivers each entry at most once and in stream order. `last`
 * is the newest cursor queued (or resumed after): anything at or before it is a duplicate,
 * whether it comes from the replay or live. While a resume replays, live entries are held
 * (bounded by the same limit) and queued after it.
 */
export function openTailSubscription<T, R>({
  limit,
  resumeAfter,
  take,
  snapshot,
  startsAfter,
  onEnd,
}: Options<T, R>): TailSubscription<T, R> {
  const queue = new LiveQueue<TailEntry<T> | typeof SNAPSHOT | typeof POSITION, R>({
    limit,
    onOverflow: () => subscriberBehind(limit),
    onEnd,
    take: (item) =>
      item === POSITION
        ? startsAfter!.then((cursor) => positionMarker(cursor) as R)
        : item === SNAPSHOT
          ? snapshot!()
          : take(item),
  });
  if (startsAfter) queue.push(POSITION);
  if (snapshot) queue.push(SNAPSHOT);
  let held: TailEntry<T>[] | undefined = [];
  let last = isStreamId(resumeAfter) ? resumeAfter : undefined;

  const fail = (error: GraphQLError) => {
    held = undefined;
    queue.fail(error);
  };
  const deliver = (entry: TailEntry<T>) => {
    if (last !== undefined && cmp(entry.id, last) <= 0) return;
    last = entry.id;
    queue.push(entry);
  };
  const live = () => {
    const pending = held;
    held = undefined;
    pending?.forEach(deliver);
  };

  return {
    offer(entry) {
      if (queue.closed) return;
      if (!held) return deliver(entry);
      if (held.length < limit) held.push(entry);
      else fail(subscriberBehind(limit));
    },
    live,
    replayed(entries) {
      if (entries.length > limit) return fail(subscriberBehind(limit));
      entries.forEach(deliver);
      live();
    },
    fail,
    queue,
  };
}
