import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { deleteRedisKeys, TEST_REDIS_URL, uniqueRedisPrefix } from '@poolgraph/testing';
import { createSpikeDetector, spikeKeys } from '../src/detection/spikeDetector.ts';
import { MAX_BUCKETS } from '../src/detection/spike.ts';
import { DEFAULTS, spikeScenarios } from './spikeScenarios.ts';

// The Lua script against the real Redis, held to the same scenarios as the pure core.
const redis = new Redis(TEST_REDIS_URL);
const prefix = uniqueRedisPrefix('alerts-spike');
const detector = createSpikeDetector(redis, prefix);
afterAll(async () => {
  await deleteRedisKeys(TEST_REDIS_URL, prefix);
  redis.disconnect();
});

spikeScenarios('Lua on Redis', (poolId, params, event, nowMs) =>
  detector.observe(poolId, params, event, nowMs),
);

describe('Lua on Redis: shared state', () => {
  it('counts every event exactly once when many callers hit one pool at the same time', async () => {
    const pool = randomUUID();
    const now = Date.now();
    const clients = Array.from({ length: 4 }, () => new Redis(TEST_REDIS_URL));
    try {
      const detectors = clients.map((c) => createSpikeDetector(c, prefix));
      await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          detectors[i % 4]!.observe(pool, DEFAULTS, { id: `e${i}`, atMs: now - i }, now),
        ),
      );
      const [meta] = spikeKeys(prefix, pool);
      const ws = Number(await redis.hget(meta, 'ws'));
      expect(ws).toBe(200);
    } finally {
      for (const c of clients) c.disconnect();
    }
  });

  it('keeps a bounded number of counters per pool, and they expire', async () => {
    const pool = randomUUID();
    const start = Date.now() - 3 * 3600_000;
    const params = { ...DEFAULTS, windowSeconds: 10, baselineSeconds: 600 };
    for (let i = 0; i < 1000; i++) {
      const at = start + i * 5_000;
      await detector.observe(pool, params, { id: `e${i}`, atMs: at }, at);
    }
    const [meta] = spikeKeys(prefix, pool);
    // The ring of buckets plus 11 meta fields, the recent ids in one of them.
    expect(await redis.hlen(meta)).toBeLessThanOrEqual(MAX_BUCKETS + 10 + 11);
    expect((await redis.hget(meta, 'seen'))!.split('|').length - 1).toBe(64);
    expect(await redis.pttl(meta)).toBeGreaterThan(0);
  });
});
