import type { LedgerEvent, OutboxInsert } from '@poolgraph/events';
import type { AlertsDb, AlertsQueryable } from '../db/index.ts';
import { resolvePoolSpikeAlerts, type AlertRow } from '../data/alerts.ts';
import { selectPoolFactsByIds, type PoolFactsRow } from '../data/poolFacts.ts';
import { selectRulesByPools } from '../data/rules.ts';
import type { SpikeResult } from './spike.ts';
import type { SpikeDetector } from './spikeDetector.ts';
import {
  largeTransactionMessage,
  raiseAlerts,
  spikeMessage,
  type AlertToRaise,
} from '../services/alerts.ts';
import { effectiveRules, spikeParamsOf, type EffectiveRule } from '../services/rules.ts';

export interface DetectionDeps {
  /** Where pool facts and rules are read (cached for RULES_CACHE_MS). */
  db: AlertsDb;
  detector: SpikeDetector;
  now?: () => number;
}

export class PoolFactsMissing extends Error {
  constructor(poolIds: string[]) {
    super(
      `no facts yet for pool ${poolIds.join(', ')} (PoolChanged has not arrived); retrying later`,
    );
    this.name = 'PoolFactsMissing';
  }
}

/**
 * How long a pool's facts and rules, once read, are used without reading them again: a rule
 * change applies to events at most this much later, and a busy pool costs two reads per
 * interval instead of two per read of the stream.
 */
export const RULES_CACHE_MS = 2_000;

interface PoolSetup {
  facts: PoolFactsRow;
  rules: [EffectiveRule, EffectiveRule];
  readAt: number;
}
const setups = new WeakMap<AlertsDb, Map<string, PoolSetup>>();

/** Facts and effective rules of these pools, from the cache or (one query each) the database. */
async function poolSetups(db: AlertsDb, poolIds: string[], nowMs: number) {
  let cache = setups.get(db);
  if (!cache) setups.set(db, (cache = new Map()));
  const stale = poolIds.filter((id) => {
    const hit = cache.get(id);
    return !hit || nowMs - hit.readAt > RULES_CACHE_MS;
  });
  if (stale.length) {
    const facts = await selectPoolFactsByIds(db, stale);
    const stored = await selectRulesByPools(db, stale);
    for (const f of facts) {
      const rules = effectiveRules(
        f,
        stored.filter((r) => r.poolId === f.poolId),
      ) as [EffectiveRule, EffectiveRule];
      cache.set(f.poolId, { facts: f, rules, readAt: nowMs });
    }
    if (cache.size > 10_000) cache.clear(); // bounded: a worker sees many pools over time
  }
  const missing = poolIds.filter((id) => !cache.has(id));
  if (missing.length) throw new PoolFactsMissing(missing);
  return cache;
}

interface Evaluation {
  event: LedgerEvent;
  facts: PoolFactsRow;
  large: EffectiveRule;
  spike: EffectiveRule;
  isLarge: boolean;
  spikeResult: SpikeResult | null;
}

/**
 * Facts, rules and detector decisions for some events (no MySQL writes yet): each pool's events
 * go to the detector in one call, in stream order, the pools' calls issued together (ioredis
 * writes them back to back on one connection).
 */
async function evaluate(deps: DetectionDeps, events: LedgerEvent[]): Promise<Evaluation[]> {
  const byPool = new Map<string, LedgerEvent[]>();
  for (const event of events) {
    const ofPool = byPool.get(event.payload.poolId);
    if (ofPool) ofPool.push(event);
    else byPool.set(event.payload.poolId, [event]);
  }
  const nowMs = deps.now?.() ?? Date.now();
  const cache = await poolSetups(deps.db, [...byPool.keys()], nowMs);
  const spikes = new Map<LedgerEvent, SpikeResult>();
  await Promise.all(
    [...byPool].map(async ([poolId, ofPool]) => {
      const [, spike] = cache.get(poolId)!.rules;
      if (!spike.enabled) return;
      const observed = ofPool.map((event) => ({
        id: event.id,
        atMs: Date.parse(event.occurredAt),
      }));
      const results = await deps.detector.observe(poolId, spikeParamsOf(spike), observed, nowMs);
      ofPool.forEach((event, i) => spikes.set(event, results[i]!));
    }),
  );
  return events.map((event) => {
    const p = event.payload;
    const { facts: poolFacts, rules } = cache.get(p.poolId)!;
    const [large, spike] = rules;
    const params = spikeParamsOf(spike);
    // Older than the baseline: history, not news (README "Detection").
    const stale =
      Date.parse(event.occurredAt) < nowMs - (params.windowSeconds + params.baselineSeconds) * 1000;
    const isLarge =
      !stale &&
      large.enabled &&
      large.thresholdMinor !== null &&
      BigInt(p.amountMinor) > large.thresholdMinor;
    const spikeResult = spikes.get(event) ?? null;
    return { event, facts: poolFacts, large, spike, isLarge, spikeResult };
  });
}

/** What one evaluated event raises (nothing, LARGE_TRANSACTION, TRANSACTION_SPIKE or both). */
function alertsOf(e: Evaluation): AlertToRaise[] {
  const p = e.event.payload;
  const drafts: AlertToRaise[] = [];
  if (e.isLarge) {
    const message = largeTransactionMessage(
      p.type,
      BigInt(p.amountMinor),
      e.large.thresholdMinor!,
      p.currency,
      e.facts.name,
    );
    drafts.push({
      facts: e.facts,
      draft: {
        kind: 'LARGE_TRANSACTION',
        message,
        transactionId: p.transactionId,
        observedCount: null,
        baselineCount: null,
        sourceEventId: e.event.id,
      },
    });
  }
  const spike = e.spikeResult;
  if (spike?.decision === 'RAISE') {
    const params = spikeParamsOf(e.spike);
    drafts.push({
      facts: e.facts,
      draft: {
        kind: 'TRANSACTION_SPIKE',
        message: spikeMessage(
          spike.observed,
          spike.baseline,
          params.windowSeconds,
          params.baselineSeconds,
          e.facts.name,
        ),
        transactionId: null,
        observedCount: spike.observed,
        baselineCount: Math.round(spike.baseline * 100) / 100,
        sourceEventId: e.event.id,
      },
    });
  }
  return drafts;
}

/**
 * Evaluates new posted transactions against their pools' rules and persists what they raise,
 * in the caller's transaction (the ledger.events consumer records the events as applied in
 * the same one, so a redelivery raises nothing twice): the alerts of the whole read in one
 * raiseAlerts, so a constant number of statements whatever the read's size. A spike the
 * detector resolves is resolved in stream order: the alerts raised before it are written first,
 * so a spike raised and resolved in one read ends RESOLVED. The spike counters (Redis)
 * deduplicate by event id themselves, and a redelivered event that had raised a spike gets
 * RAISE again, so a crash between Redis and the commit loses nothing. Throws PoolFactsMissing
 * when a pool's PoolChanged has not arrived yet: the read is then retried event by event, and
 * later. `pending`: notification rows the dispatcher has to deliver; the AlertRaised events go to
 * `outbox`, for the caller to write.
 */
export async function detectAlerts(
  tx: AlertsQueryable,
  deps: DetectionDeps,
  events: LedgerEvent[],
  outbox: OutboxInsert[],
): Promise<{ alerts: AlertRow[]; pending: number }> {
  const raised: AlertRow[] = [];
  let pending = 0;
  let toRaise: AlertToRaise[] = [];
  const flush = async () => {
    const written = await raiseAlerts(tx, toRaise, outbox, deps.db); // channels read beside
    raised.push(...written.alerts);
    pending += written.pending;
    toRaise = [];
  };
  for (const evaluation of await evaluate(deps, events)) {
    toRaise.push(...alertsOf(evaluation));
    if (evaluation.spikeResult?.decision === 'RESOLVE') {
      await flush();
      await resolvePoolSpikeAlerts(tx, evaluation.event.payload.poolId, new Date());
    }
  }
  await flush();
  return { alerts: raised, pending };
}
