import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SpikeParams, SpikeResult } from '../src/detection/spike.ts';

/** One detector implementation under test: the pure core or the Lua script on Redis. */
export type Observe = (
  poolId: string,
  params: SpikeParams,
  event: { id: string; atMs: number },
  nowMs: number,
) => Promise<SpikeResult>;

export const DEFAULTS: SpikeParams = {
  windowSeconds: 300,
  baselineSeconds: 3600,
  spikeFactor: 10,
  minCount: 5,
};
const MINUTE = 60_000;
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

/** Feeds events (times in ms) one by one, `now` = each event's time; returns every decision. */
async function feed(observe: Observe, poolId: string, params: SpikeParams, times: number[]) {
  const results: SpikeResult[] = [];
  for (const at of times)
    results.push(await observe(poolId, params, { id: randomUUID(), atMs: at }, at));
  return results;
}
const decisions = (results: SpikeResult[]) =>
  results.map((r) => r.decision).filter((d) => d !== 'NONE');
/** `count` events evenly spread over [from, from + spanMs). */
const spread = (from: number, spanMs: number, count: number) =>
  Array.from({ length: count }, (_, i) => from + Math.floor((i * spanMs) / count));

/** The same scenarios for both implementations, so the Lua script is held to the pure core. */
export function spikeScenarios(name: string, observe: Observe) {
  describe(`${name}: spike detection`, () => {
    const burstParams = { ...DEFAULTS, spikeFactor: 3 };

    it('raises exactly one alert for a planted burst of 30 in 5 minutes after an hour of 2 per minute', async () => {
      const pool = randomUUID();
      const baseline = await feed(observe, pool, burstParams, spread(T0, 60 * MINUTE, 120));
      expect(decisions(baseline)).toEqual([]);
      const burst = await feed(
        observe,
        pool,
        burstParams,
        spread(T0 + 60 * MINUTE, 4 * MINUTE, 30),
      );
      expect(decisions(burst)).toEqual(['RAISE']);
      const raised = burst.find((r) => r.decision === 'RAISE')!;
      expect(raised.observed).toBeGreaterThanOrEqual(30);
      expect(raised.baseline).toBeCloseTo(10, 0);
    });

    it('raises nothing for a steady high rate', async () => {
      const pool = randomUUID();
      const steady = await feed(observe, pool, burstParams, spread(T0, 120 * MINUTE, 2400));
      expect(decisions(steady)).toEqual([]);
    });

    it('does not divide by zero on a zero baseline and respects minCount', async () => {
      const pool = randomUUID();
      await feed(observe, pool, DEFAULTS, [T0]); // the detector starts watching the pool
      const quietUntil = T0 + 70 * MINUTE;
      const four = await feed(observe, pool, DEFAULTS, spread(quietUntil, MINUTE, 4));
      expect(decisions(four)).toEqual([]);
      expect(four.every((r) => Number.isFinite(r.baseline) && r.baseline === 0)).toBe(true);
      const fifth = await feed(observe, pool, DEFAULTS, [quietUntil + MINUTE]);
      expect(fifth[0]).toMatchObject({ decision: 'RAISE', observed: 5, baseline: 0 });
    });

    it('resolves the spike itself once the rate falls back, and can raise again later', async () => {
      const pool = randomUUID();
      await feed(observe, pool, burstParams, spread(T0, 60 * MINUTE, 120));
      const burst = await feed(
        observe,
        pool,
        burstParams,
        spread(T0 + 60 * MINUTE, 4 * MINUTE, 30),
      );
      expect(decisions(burst)).toEqual(['RAISE']);
      const after = await feed(
        observe,
        pool,
        burstParams,
        spread(T0 + 70 * MINUTE, 10 * MINUTE, 20),
      );
      expect(decisions(after)).toEqual(['RESOLVE']);
    });

    it('does not count a redelivered event twice, and repeats the decision of the event that raised', async () => {
      const pool = randomUUID();
      await feed(observe, pool, DEFAULTS, [T0]);
      const at = T0 + 70 * MINUTE;
      for (let i = 0; i < 4; i++)
        await observe(pool, DEFAULTS, { id: `e${i}`, atMs: at + i }, at + i);
      const again = await observe(pool, DEFAULTS, { id: 'e3', atMs: at + 3 }, at + 3);
      expect(again).toMatchObject({ decision: 'DUPLICATE', observed: 4 });
      const raising = await observe(pool, DEFAULTS, { id: 'e4', atMs: at + 4 }, at + 4);
      expect(raising.decision).toBe('RAISE');
      const redelivered = await observe(pool, DEFAULTS, { id: 'e4', atMs: at + 4 }, at + 10);
      expect(redelivered).toMatchObject({ decision: 'RAISE', observed: 5 });
    });

    it('ignores events older than the baseline for alerting now (imported history)', async () => {
      const pool = randomUUID();
      const now = T0 + 24 * 60 * MINUTE;
      for (const at of spread(T0, 5 * MINUTE, 50)) {
        const r = await observe(pool, DEFAULTS, { id: randomUUID(), atMs: at }, now);
        expect(r.decision).toBe('STALE');
      }
    });

    it('keeps bounded state for a pool with a very long baseline and a tiny window', async () => {
      const pool = randomUUID();
      const params = {
        windowSeconds: 1,
        baselineSeconds: 7 * 24 * 3600,
        spikeFactor: 2,
        minCount: 1,
      };
      const results = await feed(observe, pool, params, spread(T0, 60 * MINUTE, 100));
      expect(results.every((r) => r.decision === 'NONE' || r.decision === 'RAISE')).toBe(true);
    });
  });
}
