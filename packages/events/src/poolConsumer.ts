import type { Logger, RedisClient } from '@poolgraph/platform';
import { consumeStream, type StreamConsumer } from './consumer.ts';
import { parseDomainEvent } from './events.ts';
import {
  parseCapitalCalled,
  parsePoolEvent,
  poolEventsStream,
  type CapitalCalledEvent,
  type PoolEvent,
} from './poolEvents.ts';

export interface PoolSnapshotConsumerOptions {
  redis: RedisClient;
  /** The deployment's shared prefix (pools publishes under it). */
  redisPrefix: string;
  /** One group per consuming service ("ledger", "alerts", "reports"). */
  group: string;
  /** Stable per replica (e.g. the host name). */
  consumer: string;
  /**
   * Applies snapshots to the service's copy, newest revision winning (so redelivery and
   * reordering change nothing and no processed_events row is needed). Called with a whole read
   * at once, and, should that throw, with one event at a time.
   */
  apply: (events: PoolEvent[]) => Promise<void>;
  /**
   * CapitalCalled facts, for a consumer that acts on them (they are skipped otherwise). Not
   * snapshots: the handler deduplicates on the event id. Called after `apply` for the same read.
   */
  capitalCalls?: (events: CapitalCalledEvent[]) => Promise<void>;
  log: Logger;
}

type Known = PoolEvent | CapitalCalledEvent;

/** Entries of types this contract (or this consumer) does not use are acknowledged and skipped. */
function parserFor(options: PoolSnapshotConsumerOptions) {
  return (raw: string): Known | null => {
    const event = parseDomainEvent(raw);
    if (event.type === 'PoolChanged' || event.type === 'MembershipChanged') {
      return parsePoolEvent(event);
    }
    return event.type === 'CapitalCalled' && options.capitalCalls
      ? parseCapitalCalled(event)
      : null;
  };
}

/** Reads `<prefix>pools.events` in the consumer's group and hands the snapshots to `apply`. */
export function consumePoolSnapshots(options: PoolSnapshotConsumerOptions): StreamConsumer {
  const handleAll = async (events: Array<Known | null>) => {
    const snapshots = events.filter(
      (event): event is PoolEvent => event !== null && event.type !== 'CapitalCalled',
    );
    const calls = events.filter(
      (event): event is CapitalCalledEvent => event?.type === 'CapitalCalled',
    );
    if (snapshots.length) await options.apply(snapshots);
    if (calls.length) await options.capitalCalls?.(calls);
  };
  return consumeStream<Known | null>({
    redis: options.redis,
    stream: poolEventsStream(options.redisPrefix),
    group: options.group,
    consumer: options.consumer,
    parse: parserFor(options),
    handle: (event) => handleAll([event]),
    handleBatch: handleAll,
    blockMs: 1_000,
    log: options.log,
  });
}
