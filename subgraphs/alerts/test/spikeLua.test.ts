import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { deleteRedisKeys, TEST_REDIS_URL, uniqueRedisPrefix } from '@poolgraph/testing';
import { createSpikeDetector, spikeKeys } from '../src/detection/spikeDetector.ts';
import { MAX_BUCKETS, type SpikeResult } from '../src/detection/spike.ts';
import { DEFAULTS, spikeScenarios } from './spikeScenarios.ts';

// The Lua script against the real Redis, held to the same scenarios as the pure core.
const redis = new Redis(TEST_REDIS_URL);
const prefix = uniqueRedisPrefix('alerts-spike');
const detector = createSpikeDetector(redis, prefix);
afterAll(async () => {
  await deleteRedisKeys(TEST_REDIS_URL, prefix);
  redis.disconnect();
});

spikeScenarios('Lua on Redis', async (poolId, params, event, nowMs) => {
  const [result] = await detector.observe(poolId, params, [event], nowMs);
  return result!;
});

describe('Lua on Redis: shared state', () => {
  it('counts every event exactly once when many callers hit one pool at the same time', async () => {
    const pool = randomUUID();
    const now = Date.now();
    const clients = Array.from({ length: 4 }, () => new Redis(TEST_REDIS_URL));
    try {
      const detectors = clients.map((c) => createSpikeDetector(c, prefix));
      await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          detectors[i % 4]!.observe(pool, DEFAULTS, [{ id: `e${i}`, atMs: now - i }], now),
        ),
      );
      const [meta] = spikeKeys(prefix, pool);
      const ws = Number(await redis.hget(meta, 'ws'));
      expect(ws).toBe(200);
    } finally {
      for (const c of clients) c.disconnect();
    }
  });

  it("decides a pool's events sent together exactly as sent one by one", async () => {
    const [single, batched] = [randomUUID(), randomUUID()];
    const params = {
      ...DEFAULTS,
      windowSeconds: 10,
      baselineSeconds: 120,
      spikeFactor: 3,
      minCount: 5,
    };
    const start = Date.now() - 600_000;
    // A steady trickle, a burst that raises a spike, quiet that resolves it, a redelivery.
    const times = [
      ...Array.from({ length: 40 }, (_, i) => start + i * 3_000),
      ...Array.from({ length: 30 }, (_, i) => start + 125_000 + i * 100),
      ...Array.from({ length: 20 }, (_, i) => start + 200_000 + i * 3_000),
    ];
    const events = times.map((atMs, i) => ({ id: `e${i}`, atMs }));
    events.splice(60, 0, events[45]!);
    const one: SpikeResult[] = [];
    for (const event of events) {
      one.push(...(await detector.observe(single, params, [event], event.atMs)));
    }
    const together: SpikeResult[] = [];
    for (let i = 0; i < events.length; i += 7) {
      const read = events.slice(i, i + 7);
      together.push(...(await detector.observe(batched, params, read, read.at(-1)!.atMs)));
    }
    expect(one.map((r) => r.decision)).toContain('RAISE');
    expect(one.map((r) => r.decision)).toContain('RESOLVE');
    // Each call's clock is its last event's; the decisions and counts are the same.
    expect(together.map((r) => [r.decision, r.observed])).toEqual(
      one.map((r) => [r.decision, r.observed]),
    );
  });

  it('keeps a bounded number of counters per pool, and they expire', async () => {
    const pool = randomUUID();
    const start = Date.now() - 3 * 3600_000;
    const params = { ...DEFAULTS, windowSeconds: 10, baselineSeconds: 600 };
    for (let i = 0; i < 1000; i++) {
      const at = start + i * 5_000;
      await detector.observe(pool, params, [{ id: `e${i}`, atMs: at }], at);
    }
    const [meta] = spikeKeys(prefix, pool);
    // The ring of buckets plus 11 meta fields, the recent ids in one of them.
    expect(await redis.hlen(meta)).toBeLessThanOrEqual(MAX_BUCKETS + 10 + 11);
    expect((await redis.hget(meta, 'seen'))!.split('|').length - 1).toBe(64);
    expect(await redis.pttl(meta)).toBeGreaterThan(0);
  });
});
