import type { Logger, RedisClient } from '@poolgraph/platform';
import { consumeStream, type StreamConsumer } from './consumer.ts';
import { parseDomainEvent } from './events.ts';
import { parsePoolEvent, poolEventsStream, type PoolEvent } from './poolEvents.ts';

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
  log: Logger;
}

/** Entries of types this contract does not know yet are acknowledged and skipped. */
function parseKnown(raw: string): PoolEvent | null {
  const event = parseDomainEvent(raw);
  return event.type === 'PoolChanged' || event.type === 'MembershipChanged'
    ? parsePoolEvent(event)
    : null;
}

/** Reads `<prefix>pools.events` in the consumer's group and hands the snapshots to `apply`. */
export function consumePoolSnapshots(options: PoolSnapshotConsumerOptions): StreamConsumer {
  const known = (events: Array<PoolEvent | null>) =>
    events.filter((event): event is PoolEvent => event !== null);
  return consumeStream<PoolEvent | null>({
    redis: options.redis,
    stream: poolEventsStream(options.redisPrefix),
    group: options.group,
    consumer: options.consumer,
    parse: parseKnown,
    handle: async (event) => (event ? options.apply([event]) : undefined),
    handleBatch: (events) => options.apply(known(events)),
    blockMs: 1_000,
    log: options.log,
  });
}
