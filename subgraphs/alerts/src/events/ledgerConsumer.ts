import { hostname } from 'node:os';
import {
  applyEventOnce,
  consumeStream,
  ledgerEventsStream,
  parseDomainEvent,
  parseLedgerEvent,
  type DomainEvent,
  type LedgerEvent,
  type StreamConsumer,
} from '@poolgraph/events';
import type { Logger, Redis } from '@poolgraph/platform';
import type { AlertsDb } from '../db/index.ts';
import { resolvePoolSpikeAlerts, type AlertRow } from '../data/alerts.ts';
import { selectPoolFacts } from '../data/poolFacts.ts';
import { selectRulesByPool } from '../data/rules.ts';
import type { SpikeDetector } from '../detection/spikeDetector.ts';
import { largeTransactionMessage, raiseAlert, spikeMessage } from '../services/alerts.ts';
import { effectiveRules, spikeParamsOf } from '../services/rules.ts';

export interface DetectionDeps {
  db: AlertsDb;
  detector: SpikeDetector;
  log: Logger;
  /** After commit: the alerts the event raised (live delivery, dispatcher wake-up). */
  onRaised: (alerts: AlertRow[]) => void;
  now?: () => number;
}

export class PoolFactsMissing extends Error {
  constructor(poolId: string) {
    super(
      `no facts yet for pool ${poolId} (its PoolChanged event has not arrived); retrying later`,
    );
    this.name = 'PoolFactsMissing';
  }
}

/**
 * Evaluates one posted transaction against its pool's rules and persists what it raises.
 * The spike counters (Redis) deduplicate by event id themselves; the alert rows commit with the
 * event's processed_events row, so a redelivery raises nothing twice. A redelivered event that
 * had raised a spike gets RAISE again from the detector, so a crash between the two loses nothing.
 */
export async function detectAlerts(deps: DetectionDeps, event: LedgerEvent): Promise<AlertRow[]> {
  const { db, detector } = deps;
  const p = event.payload;
  const facts = await selectPoolFacts(db, p.poolId);
  if (!facts) throw new PoolFactsMissing(p.poolId);
  const [large, spike] = effectiveRules(facts, await selectRulesByPool(db, p.poolId));
  const nowMs = deps.now?.() ?? Date.now();
  const atMs = Date.parse(event.occurredAt);
  const params = spikeParamsOf(spike!);
  // Older than the baseline: history, not news (see README "Event time").
  const stale = atMs < nowMs - (params.windowSeconds + params.baselineSeconds) * 1000;
  const amount = BigInt(p.amountMinor);
  const isLarge =
    !stale && !!large?.enabled && large.thresholdMinor !== null && amount > large.thresholdMinor;
  const spikeResult = spike?.enabled
    ? await detector.observe(p.poolId, params, { id: event.id, atMs }, nowMs)
    : null;

  const outcome = await applyEventOnce(db, event.id, async (tx) => {
    const raised: AlertRow[] = [];
    if (isLarge) {
      raised.push(
        await raiseAlert(tx, facts, {
          kind: 'LARGE_TRANSACTION',
          message: largeTransactionMessage(
            p.type,
            amount,
            large!.thresholdMinor!,
            p.currency,
            facts.name,
          ),
          transactionId: p.transactionId,
          observedCount: null,
          baselineCount: null,
          sourceEventId: event.id,
        }),
      );
    }
    if (spikeResult?.decision === 'RAISE') {
      raised.push(
        await raiseAlert(tx, facts, {
          kind: 'TRANSACTION_SPIKE',
          message: spikeMessage(
            spikeResult.observed,
            spikeResult.baseline,
            params.windowSeconds,
            params.baselineSeconds,
            facts.name,
          ),
          transactionId: null,
          observedCount: spikeResult.observed,
          baselineCount: Math.round(spikeResult.baseline * 100) / 100,
          sourceEventId: event.id,
        }),
      );
    }
    if (spikeResult?.decision === 'RESOLVE') await resolvePoolSpikeAlerts(tx, p.poolId, new Date());
    return raised;
  });
  if (!outcome.applied) return [];
  if (outcome.result.length) deps.onRaised(outcome.result);
  return outcome.result;
}

export interface LedgerConsumerOptions extends DetectionDeps {
  redis: Redis;
  eventsPrefix: string;
  consumerName?: string;
  claimIdleMs?: number;
}

/** Reads `ledger.events` in the consumer group "alerts"; acks only after detectAlerts committed. */
export function startDetectionConsumer(options: LedgerConsumerOptions): StreamConsumer {
  const { log } = options;
  return consumeStream<DomainEvent>({
    redis: options.redis,
    stream: ledgerEventsStream(options.eventsPrefix),
    group: 'alerts',
    consumer: options.consumerName ?? hostname(),
    claimIdleMs: options.claimIdleMs,
    // Event types alerts does not know are acknowledged and skipped, not dropped as malformed.
    parse: (raw) => {
      const event = parseDomainEvent(raw);
      return event.type === 'TransactionPosted' ? parseLedgerEvent(event) : event;
    },
    handle: async (event) => {
      if (event.type !== 'TransactionPosted') return;
      const raised = await detectAlerts(options, event as LedgerEvent);
      if (raised.length)
        log.info({ eventId: event.id, alerts: raised.map((a) => a.id) }, 'alerts raised');
    },
    log,
  });
}
