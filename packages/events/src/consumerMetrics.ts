import { Counter, Histogram, type Registry } from '@poolgraph/platform';
import type { StreamMessage } from './consumer.ts';
import type { LedgerStreamEvent } from './events.ts';

export interface ConsumerMetrics {
  /** Counts a handled read and times its hops (events and messages side by side; null: skipped type). */
  observe(
    group: string,
    outcome: { applied: number; duplicates: number; skipped: number },
    events: ReadonlyArray<LedgerStreamEvent | null>,
    messages: StreamMessage[],
  ): void;
}

/** Milliseconds since the epoch a UUIDv7 was made at: its first 48 bits. */
export const uuidv7Ms = (id: string): number => parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
/** Milliseconds since the epoch Redis added a stream entry at: its id's first part. */
export const streamIdMs = (streamId: string): number => Number(streamId.split('-', 1)[0]);

const HOP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30];

const metricsByRegistry = new WeakMap<Registry, ConsumerMetrics>();

/**
 * Per process and registry (every consumer of a service shares them, labelled by group):
 * `ledger_events_consumed_total{group,outcome}` (applied, duplicate, skipped) and
 * `ledger_events_per_read{group}`, and the hops an event took, from the timestamps it already
 * carries: `event_hop_seconds{group,hop}` with hop `outbox_to_stream` (its UUIDv7 id is made
 * in the writing transaction; the stream entry id is the XADD's time) and `stream_to_applied`
 * (XADD to this consumer's commit).
 */
export function consumerMetrics(registry: Registry): ConsumerMetrics {
  const known = metricsByRegistry.get(registry);
  if (known) return known;
  const consumed = new Counter({
    name: 'ledger_events_consumed_total',
    help: 'ledger.events entries handled, by consumer group and outcome',
    labelNames: ['group', 'outcome'],
    registers: [registry],
  });
  const perRead = new Histogram({
    name: 'ledger_events_per_read',
    help: 'Entries handled per read (one transaction each)',
    labelNames: ['group'],
    buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500],
    registers: [registry],
  });
  const hops = new Histogram({
    name: 'event_hop_seconds',
    help: 'Time an event spent on each hop: outbox_to_stream, stream_to_applied',
    labelNames: ['group', 'hop'],
    buckets: HOP_BUCKETS,
    registers: [registry],
  });
  const metrics: ConsumerMetrics = {
    observe(group, outcome, events, messages) {
      consumed.inc({ group, outcome: 'applied' }, outcome.applied);
      consumed.inc({ group, outcome: 'duplicate' }, outcome.duplicates);
      consumed.inc({ group, outcome: 'skipped' }, outcome.skipped);
      perRead.observe({ group }, messages.length);
      const now = Date.now();
      events.forEach((event, i) => {
        const message = messages[i];
        if (!event || !message) return;
        const added = streamIdMs(message.streamId);
        hops.observe(
          { group, hop: 'outbox_to_stream' },
          Math.max(0, added - uuidv7Ms(event.id)) / 1000,
        );
        hops.observe({ group, hop: 'stream_to_applied' }, Math.max(0, now - added) / 1000);
      });
    },
  };
  metricsByRegistry.set(registry, metrics);
  return metrics;
}
