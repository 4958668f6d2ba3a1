import { Cluster, Redis } from 'ioredis';
import type { Logger } from 'pino';
import { traceRedis } from './tracedClients.ts';
import { parseRedisUrl } from './redisUrl.ts';
import { peerTlsOptions } from './tls.ts';

export { Cluster, Redis };
export * from './redisUrl.ts';

/**
 * What every service holds: one Redis server or a Redis Cluster, chosen by the URL
 * (redisUrl.ts). Commands are the same on both; what differs is that keys used together (one
 * script, one pipeline, one multi-key command) must share a hash slot on a cluster.
 */
export type RedisClient = Redis | Cluster;

/** Retry delay after a lost connection: 200 ms more per attempt, at most 5 s, forever. */
const backoff = (attempt: number) => Math.min(attempt * 200, 5_000);

export interface RedisClientOptions {
  connectionName?: string;
  lazyConnect?: boolean;
  /** Per command (ioredis' default 20); null retries until Redis is back. */
  maxRetriesPerRequest?: number | null;
  /** False: give up after the first lost connection (checks, one-shot scripts). */
  reconnect?: boolean;
  /**
   * Commands issued in one turn of the event loop go out as one pipeline (ioredis'
   * enableAutoPipelining): one write and one read for all of them instead of one each. For a
   * client that many concurrent requests share; never for one that blocks (XREAD BLOCK).
   */
  autoPipelining?: boolean;
}

/** An ioredis client for either form of URL, without logging (scripts and tests use it). */
export function createRedisClient(url: string, options: RedisClientOptions = {}): RedisClient {
  const target = parseRedisUrl(url);
  const retry = options.reconnect === false ? () => null : backoff;
  const common = {
    connectionName: options.connectionName,
    maxRetriesPerRequest: options.maxRetriesPerRequest,
    enableAutoPipelining: options.autoPipelining ?? false,
    // rediss://: verified against the process's CA, host name included (tls.ts).
    ...(target.tls ? { tls: peerTlsOptions() } : {}),
  };
  if (target.kind === 'single') {
    return new Redis(url, { ...common, lazyConnect: options.lazyConnect, retryStrategy: retry });
  }
  return new Cluster(target.nodes, {
    lazyConnect: options.lazyConnect,
    // When every node is unreachable: the same backoff as a single server.
    clusterRetryStrategy: retry,
    // Ready once CLUSTER INFO says the cluster is ok (every slot served), not at first connect.
    enableReadyCheck: true,
    // MOVED/ASK hops per command; a resharding moves a slot once, so a few suffice.
    maxRedirections: 16,
    // A node restarting or failing over answers CLUSTERDOWN/TRYAGAIN for a moment: wait, retry.
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 300,
    retryDelayOnTryAgain: 200,
    slotsRefreshTimeout: 2_000,
    // Local nodes announce the addresses clients use: no natMap or dnsLookup needed here.
    redisOptions: {
      ...common,
      username: target.username,
      password: target.password,
    },
  });
}

/** A Redis client that retries forever with backoff and logs, rather than crashing, on outages. */
export function connectRedis(
  url: string,
  log: Logger,
  name = 'main',
  options: Pick<RedisClientOptions, 'maxRetriesPerRequest' | 'autoPipelining'> = {},
): RedisClient {
  const redis = createRedisClient(url, {
    connectionName: name,
    maxRetriesPerRequest: 3,
    ...options,
  });
  let lastError = '';
  redis.on('error', (error: Error) => {
    // ioredis emits one error per retry; log each distinct failure once.
    if (error.message !== lastError) log.warn({ err: error.message, redis: name }, 'redis error');
    lastError = error.message;
  });
  redis.on('ready', () => {
    if (lastError) log.info({ redis: name }, 'redis reconnected');
    lastError = '';
  });
  // A cluster client also reports each node it loses (a restart, a failover).
  if (redis instanceof Cluster) {
    redis.on('-node', (node: Redis) => {
      log.warn(
        { redis: name, node: `${node.options.host}:${node.options.port}` },
        'redis node lost',
      );
    });
  }
  traceRedis(redis);
  return redis;
}

export async function pingRedis(redis: RedisClient): Promise<void> {
  const answer = await redis.ping();
  if (answer !== 'PONG') throw new Error(`unexpected PING answer: ${answer}`);
}

/** Resolves once the client is ready (a cluster: its slots are known), or rejects after `ms`. */
export async function redisReady(redis: RedisClient, ms = 10_000): Promise<void> {
  if (redis.status === 'ready') return;
  if (redis.status === 'wait') {
    await redis.connect();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off('ready', ready);
      reject(new Error(`redis not ready after ${ms} ms (${redis.status})`));
    }, ms);
    const ready = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', ready);
  });
}

/** The servers holding data: every master of a cluster, or the one server. */
export async function redisMasters(redis: RedisClient): Promise<Redis[]> {
  if (!(redis instanceof Cluster)) return [redis];
  // A cluster knows its nodes only once it has read the slots.
  await redisReady(redis);
  return redis.nodes('master');
}

/**
 * Every key matching `pattern`, in pages, from every master: SCAN only walks the server it is
 * sent to, so on a cluster each master is scanned in turn.
 */
export async function* scanKeys(
  redis: RedisClient,
  pattern: string,
  options: { count?: number; type?: string } = {},
): AsyncGenerator<string[]> {
  const count = options.count ?? 500;
  for (const node of await redisMasters(redis)) {
    let cursor = '0';
    do {
      const [next, keys] = options.type
        ? await node.scan(cursor, 'MATCH', pattern, 'COUNT', count, 'TYPE', options.type)
        : await node.scan(cursor, 'MATCH', pattern, 'COUNT', count);
      if (keys.length) yield keys;
      cursor = next;
    } while (cursor !== '0');
  }
}

/**
 * Deletes keys: one DEL for a single server; on a cluster one DEL per key (sent concurrently),
 * since a DEL of keys in several slots fails with CROSSSLOT, even on one node.
 */
export async function deleteKeys(redis: RedisClient, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  if (!(redis instanceof Cluster)) {
    await redis.del(...keys);
    return;
  }
  await Promise.all(keys.map((key) => redis.del(key)));
}
