import { readFileSync } from 'node:fs';
import type { Redis } from '@poolgraph/platform';
import {
  MAX_BUCKETS,
  SEEN_IDS,
  type SpikeDecision,
  type SpikeEvent,
  type SpikeParams,
  type SpikeResult,
} from './spike.ts';

export const SPIKE_SCRIPT = readFileSync(new URL('./spike.lua', import.meta.url), 'utf8');

/**
 * A pool's detector state outlives its longest possible span (7 days + window) by a day, so a
 * quiet week does not make the detector forget it has been watching (see spike.ts, warm-up).
 */
const STATE_TTL_MS = 8 * 24 * 3600 * 1000;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    alertsSpike(
      meta: string,
      buckets: string,
      seen: string,
      ...args: Array<string | number>
    ): Result<[string, number, string], Context>;
  }
}

/** The three keys of one pool's detector; one hash tag, so they live on one Cluster node. */
export function spikeKeys(prefix: string, poolId: string): [string, string, string] {
  const base = `${prefix}alerts:spike:{${poolId}}`;
  return [base, `${base}:b`, `${base}:seen`];
}

export interface SpikeDetector {
  observe(poolId: string, params: SpikeParams, event: SpikeEvent, nowMs?: number): Promise<SpikeResult>;
}

/**
 * The detector on Redis: one EVALSHA per event (ioredis' defineCommand falls back to EVAL
 * after a NOSCRIPT), atomic, so any number of workers share each pool's state.
 * `prefix` is the deployment's shared prefix; keys live under `<prefix>alerts:`.
 */
export function createSpikeDetector(redis: Redis, prefix: string): SpikeDetector {
  if (!('alertsSpike' in redis)) {
    redis.defineCommand('alertsSpike', { numberOfKeys: 3, lua: SPIKE_SCRIPT });
  }
  return {
    async observe(poolId, params, event, nowMs = Date.now()) {
      const [decision, observed, baseline] = await redis.alertsSpike(
        ...spikeKeys(prefix, poolId),
        ...spikeArgs(params, event, nowMs),
      );
      return { decision: decision as SpikeDecision, observed, baseline: Number(baseline) };
    },
  };
}

/** ARGV of spike.lua, in order. */
export function spikeArgs(params: SpikeParams, event: SpikeEvent, nowMs: number): Array<string | number> {
  return [
    event.id,
    Math.floor(event.atMs),
    Math.floor(nowMs),
    params.windowSeconds,
    params.baselineSeconds,
    params.spikeFactor,
    params.minCount,
    STATE_TTL_MS,
    MAX_BUCKETS,
    SEEN_IDS,
  ];
}
