import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RedisClient } from '@poolgraph/platform';
import {
  MAX_BUCKETS,
  SEEN_IDS,
  type SpikeDecision,
  type SpikeEvent,
  type SpikeParams,
  type SpikeResult,
} from './spike.ts';

/**
 * A pool's detector state outlives its longest possible span (7 days + window) by a day, so a
 * quiet week does not make the detector forget it has been watching (see spike.ts, warm-up).
 */
const STATE_TTL_MS = 8 * 24 * 3600 * 1000;

/** spike.lua with its constants (sent once with the script, not with every call). */
export const SPIKE_SCRIPT =
  `local TTL_MS, MAX_BUCKETS, SEEN_IDS = ${STATE_TTL_MS}, ${MAX_BUCKETS}, ${SEEN_IDS}\n` +
  readFileSync(new URL('./spike.lua', import.meta.url), 'utf8');

/** The key of one pool's detector (a hash tag, should several keys per pool ever be needed). */
export function spikeKeys(prefix: string, poolId: string): [string] {
  return [`${prefix}alerts:spike:{${poolId}}`];
}

export interface SpikeDetector {
  /** One pool's events, in order, in one atomic call: a result for each. */
  observe(
    poolId: string,
    params: SpikeParams,
    events: readonly SpikeEvent[],
    nowMs?: number,
  ): Promise<SpikeResult[]>;
}

export const SPIKE_SHA = createHash('sha1').update(SPIKE_SCRIPT).digest('hex');

type SpikeReply = [string, number, string];

/** The reply of spike.lua for one event as a result. */
export const spikeResultOf = ([decision, observed, baseline]: SpikeReply): SpikeResult => ({
  decision: decision as SpikeDecision,
  observed,
  baseline: Number(baseline),
});

/**
 * The detector on Redis: one EVALSHA per pool and read of the stream, atomic, so any number of
 * workers share each pool's state (a read's events of one pool are one call: the commands, and
 * the socket writes and replies each costs the worker, scale with the pools a read touches, not
 * its events). After a NOSCRIPT (a restarted or new Redis, or a cluster node that never ran it)
 * the call is repeated as EVAL, which is routed by the key to that same node and caches the
 * script there; a SCRIPT LOAD would go to whichever node the client picks, not to that one.
 * `prefix` is the deployment's shared prefix; keys live under `<prefix>alerts:`.
 */
export function createSpikeDetector(redis: RedisClient, prefix: string): SpikeDetector {
  return {
    async observe(poolId, params, events, nowMs = Date.now()) {
      if (events.length === 0) return [];
      const keys = spikeKeys(prefix, poolId);
      const args = spikeArgs(params, events, nowMs);
      let replies: SpikeReply[];
      try {
        replies = (await redis.evalsha(SPIKE_SHA, 1, ...keys, ...args)) as SpikeReply[];
      } catch (error) {
        if (!String((error as Error).message).includes('NOSCRIPT')) throw error;
        replies = (await redis.eval(SPIKE_SCRIPT, 1, ...keys, ...args)) as SpikeReply[];
      }
      return replies.map(spikeResultOf);
    },
  };
}

/** ARGV of spike.lua, in order: the pool's parameters, then each event's id and time. */
export function spikeArgs(
  params: SpikeParams,
  events: readonly SpikeEvent[],
  nowMs: number,
): Array<string | number> {
  return [
    Math.floor(nowMs),
    params.windowSeconds,
    params.baselineSeconds,
    params.spikeFactor,
    params.minCount,
    ...events.flatMap((event) => [event.id, Math.floor(event.atMs)]),
  ];
}
