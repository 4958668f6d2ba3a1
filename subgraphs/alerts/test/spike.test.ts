import { describe, expect, it } from 'vitest';
import { bucketing, MAX_BUCKETS, observeSpike, type SpikeState } from '../src/detection/spike.ts';
import { DEFAULTS, spikeScenarios } from './spikeScenarios.ts';

// The pure core, no Redis: state kept in a Map per pool.
const states = new Map<string, SpikeState | null>();
spikeScenarios('pure core', async (poolId, params, event, nowMs) => {
  const { state, result } = observeSpike(states.get(poolId) ?? null, params, event, nowMs);
  states.set(poolId, state);
  return result;
});

describe('bucketing', () => {
  it('cuts the default window into 10 buckets of 30 s and the hour into 120', () => {
    expect(bucketing(DEFAULTS)).toEqual({ width: 30, nw: 10, nb: 120 });
  });

  it('never keeps more than MAX_BUCKETS + 10 buckets, whatever the rule', () => {
    for (const [windowSeconds, baselineSeconds] of [
      [1, 2],
      [1, 604_800],
      [59, 86_400],
      [604_799, 604_800],
    ] as const) {
      const { nw, nb, width } = bucketing({ ...DEFAULTS, windowSeconds, baselineSeconds });
      expect(nw + nb).toBeLessThanOrEqual(MAX_BUCKETS + 10);
      expect(width).toBeGreaterThanOrEqual(1);
    }
  });

  it('does not change the state it was given', () => {
    const first = observeSpike(null, DEFAULTS, { id: 'a', atMs: 1_000_000 }, 1_000_000).state!;
    const copy = structuredClone(first);
    observeSpike(first, DEFAULTS, { id: 'b', atMs: 1_000_100 }, 1_000_100);
    expect(first).toEqual(copy);
  });
});
