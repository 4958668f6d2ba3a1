/**
 * TRANSACTION_SPIKE detection, the pure core. `spike.lua` is the same algorithm on Redis (one
 * script call per event); `spike.test.ts` runs the same scenarios through both.
 *
 * Time is cut into buckets of `width` seconds. The window is the last `nw` buckets up to the
 * newest one seen (`head`), the baseline the `nb` buckets before it, so the baseline never
 * includes the current window. Running sums of both are kept, so an event costs O(1); moving
 * `head` forward moves each bucket across once (at most nw + nb steps, then a reset).
 * Memory per pool is bounded: at most nw + nb ≤ MAX_BUCKETS + 10 counters and SEEN_IDS ids.
 */
export const MAX_BUCKETS = 240;
/** Redelivered ids recognised per pool: the last SEEN_IDS. */
export const SEEN_IDS = 64;

export interface SpikeParams {
  windowSeconds: number;
  baselineSeconds: number;
  spikeFactor: number;
  minCount: number;
}

export interface Bucketing {
  width: number;
  nw: number;
  nb: number;
}

/** About 10 buckets per window, coarser when the baseline is very long (bounded memory). */
export function bucketing({ windowSeconds, baselineSeconds }: SpikeParams): Bucketing {
  const width = Math.max(
    1,
    Math.ceil(windowSeconds / 10),
    Math.ceil((windowSeconds + baselineSeconds) / MAX_BUCKETS),
  );
  return {
    width,
    nw: Math.ceil(windowSeconds / width),
    nb: Math.max(1, Math.ceil(baselineSeconds / width)),
  };
}

export interface SpikeState {
  cfg: string;
  head: number;
  /** Event time (ms) of the first event counted: the detector has watched the pool since then. */
  firstMs: number;
  ws: number;
  bs: number;
  buckets: Map<number, number>;
  alerting: boolean;
  raisedBy: string | null;
  resolvedBy: string | null;
  seen: string[];
}

export type SpikeDecision = 'NONE' | 'RAISE' | 'RESOLVE' | 'STALE' | 'DUPLICATE';

export interface SpikeResult {
  decision: SpikeDecision;
  /** Transactions in the window, this event included. */
  observed: number;
  /** The average count per window over the (observed part of the) baseline. */
  baseline: number;
}

export interface SpikeEvent {
  id: string;
  atMs: number;
}

/**
 * Counts one event and decides. Pure: returns the new state (the input is not modified).
 * - Events older than window + baseline before `nowMs` are STALE: not counted, never alert
 *   (imported history does not raise alerts for "now"). Events after `nowMs` count as `nowMs`.
 * - A redelivered event (its id among the last SEEN_IDS) is not counted again; if it was the
 *   one that raised (or resolved) it returns RAISE (RESOLVE) again, so a crash between this
 *   and the alert's commit loses nothing.
 * - RAISE once when the window reaches max(minCount, spikeFactor × baseline), while the
 *   detector has watched the pool for at least one window before the current one (warm-up: a
 *   new pool's first transactions are not a spike). The baseline is averaged over the part of
 *   the baseline period actually watched. Then nothing (cooldown) until
 *   the window falls below the threshold again: RESOLVE.
 */
export function observeSpike(
  previous: SpikeState | null,
  params: SpikeParams,
  event: SpikeEvent,
  nowMs: number,
): { state: SpikeState | null; result: SpikeResult } {
  const { width, nw, nb } = bucketing(params);
  const cfg = `${width}:${nw}:${nb}`;
  if (event.atMs < nowMs - (params.windowSeconds + params.baselineSeconds) * 1000) {
    return { state: previous, result: { decision: 'STALE', observed: 0, baseline: 0 } };
  }
  const atMs = Math.min(event.atMs, nowMs);
  const idx = Math.floor(atMs / (width * 1000));
  const s: SpikeState = previous
    ? { ...previous, buckets: new Map(previous.buckets), seen: [...previous.seen] }
    : {
        cfg,
        head: idx,
        firstMs: atMs,
        ws: 0,
        bs: 0,
        buckets: new Map(),
        alerting: false,
        raisedBy: null,
        resolvedBy: null,
        seen: [],
      };
  if (s.cfg !== cfg) {
    // The rule's window changed: counts in the old buckets cannot be re-cut; start over.
    Object.assign(s, { cfg, head: idx, ws: 0, bs: 0, buckets: new Map() });
  }
  const wms = width * 1000;
  /** How much of the baseline the detector has watched; null while warming up (< one window). */
  const watchedMs = (): number | null => {
    const ms = Math.min(nb * wms, (s.head - nw + 1) * wms - s.firstMs);
    return ms >= nw * wms ? ms : null;
  };
  const evaluate = (): SpikeResult => {
    const watched = watchedMs();
    return {
      decision: 'NONE',
      observed: s.ws,
      baseline: watched ? (s.bs * nw * wms) / watched : 0,
    };
  };
  if (s.seen.includes(event.id)) {
    const r = evaluate();
    if (s.alerting && s.raisedBy === event.id) r.decision = 'RAISE';
    else if (!s.alerting && s.resolvedBy === event.id) r.decision = 'RESOLVE';
    else r.decision = 'DUPLICATE';
    return { state: s, result: r };
  }
  s.seen.push(event.id);
  if (s.seen.length > SEEN_IDS) s.seen.shift();
  s.firstMs = Math.min(s.firstMs, atMs);

  if (idx > s.head) {
    if (idx - s.head >= nw + nb) {
      Object.assign(s, { ws: 0, bs: 0, buckets: new Map() });
    } else {
      for (let h = s.head + 1; h <= idx; h++) {
        const entering = s.buckets.get(h - nw) ?? 0;
        s.ws -= entering;
        s.bs += entering;
        const leaving = s.buckets.get(h - nw - nb) ?? 0;
        s.bs -= leaving;
        s.buckets.delete(h - nw - nb);
      }
    }
    s.head = idx;
  }
  let inWindow = false;
  if (idx > s.head - nw) {
    inWindow = true;
    s.ws += 1;
  } else if (idx > s.head - nw - nb) {
    s.bs += 1;
  } else {
    return { state: s, result: evaluate() }; // older than everything still counted
  }
  s.buckets.set(idx, (s.buckets.get(idx) ?? 0) + 1);

  const r = evaluate();
  const threshold = Math.max(params.minCount, params.spikeFactor * r.baseline);
  if (s.alerting) {
    if (s.ws < threshold) {
      s.alerting = false;
      s.resolvedBy = event.id;
      r.decision = 'RESOLVE';
    }
  } else if (inWindow && watchedMs() !== null && s.ws >= threshold) {
    s.alerting = true;
    s.raisedBy = event.id;
    r.decision = 'RAISE';
  }
  return { state: s, result: r };
}
