import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { EnvError } from '../src/index.ts';
import { parseEnv, parseRedisUrl, redisUrl } from '../src/index.ts';

const schema = z.object({ REDIS_URL: redisUrl });
const problemOf = (value: string) => {
  try {
    parseEnv(schema, { REDIS_URL: value });
    return undefined;
  } catch (error) {
    return (error as EnvError).problems.join('\n');
  }
};

describe('REDIS_URL', () => {
  it('accepts one server as a redis:// URL', () => {
    expect(parseRedisUrl('redis://127.0.0.1:6379')).toEqual({
      kind: 'single',
      url: 'redis://127.0.0.1:6379',
      tls: false,
    });
    expect(problemOf('redis://:secret@redis.internal:6380/2')).toBeUndefined();
  });

  it('accepts a cluster as redis-cluster:// and its seed nodes, with credentials', () => {
    expect(
      parseRedisUrl('redis-cluster://app:p%40ss@10.0.0.1:7001,10.0.0.2:7002,[::1]:7003'),
    ).toEqual({
      kind: 'cluster',
      tls: false,
      nodes: [
        { host: '10.0.0.1', port: 7001 },
        { host: '10.0.0.2', port: 7002 },
        { host: '::1', port: 7003 },
      ],
      username: 'app',
      password: 'p@ss',
    });
  });

  it('accepts either form over TLS as rediss:// and rediss-cluster://', () => {
    expect(parseRedisUrl('rediss://:secret@redis.internal:6380')).toEqual({
      kind: 'single',
      url: 'rediss://:secret@redis.internal:6380',
      tls: true,
    });
    expect(parseRedisUrl('rediss-cluster://10.0.0.1:7001,10.0.0.2:7002')).toEqual({
      kind: 'cluster',
      tls: true,
      nodes: [
        { host: '10.0.0.1', port: 7001 },
        { host: '10.0.0.2', port: 7002 },
      ],
    });
    expect(problemOf('rediss-cluster://10.0.0.1:7001/0')).toMatch(/no path or options/);
  });

  it('names the problem of a URL that is neither', () => {
    expect(problemOf('http://127.0.0.1:6379')).toMatch(
      /REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL .* or redis-cluster:\/\//,
    );
    expect(problemOf('redis-cluster://127.0.0.1:7001,127.0.0.1')).toMatch(
      /node "127.0.0.1" that is not host:port/,
    );
    expect(problemOf('redis-cluster://127.0.0.1:7001/0')).toMatch(/no path or options/);
    expect(problemOf('redis-cluster://')).toMatch(/not host:port|names no cluster node/);
    expect(problemOf('redis-cluster://h:70000')).toMatch(/not host:port/);
  });
});
