/**
 * Where Redis is, as one string (REDIS_URL, `config.redisUrl`):
 * - a single server: `redis://[user:password@]host:port[/db]`;
 * - a Redis Cluster: `redis-cluster://[user:password@]host:port,host:port,…`, the seed nodes
 *   (any reachable master or replica; the client discovers the rest from CLUSTER SLOTS).
 * Kept free of ioredis so env parsing can validate it without opening anything.
 */
export const CLUSTER_SCHEME = 'redis-cluster://';

export type RedisTarget =
  | { kind: 'single'; url: string }
  | {
      kind: 'cluster';
      nodes: Array<{ host: string; port: number }>;
      username?: string;
      password?: string;
    };

export const isClusterUrl = (url: string): boolean => url.startsWith(CLUSTER_SCHEME);

/** What is wrong with a Redis URL, in words an operator can act on; undefined when it is fine. */
export function redisUrlProblem(url: string): string | undefined {
  try {
    parseRedisUrl(url);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Parses a Redis URL of either form; throws an Error naming the problem. */
export function parseRedisUrl(url: string): RedisTarget {
  if (!isClusterUrl(url)) {
    if (!url.startsWith('redis://')) {
      throw new Error(
        `must be a redis:// URL (one server) or ${CLUSTER_SCHEME}host:port,host:port,… (a cluster)`,
      );
    }
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`is not a valid URL: ${url.replace(/\/\/[^@]*@/, '//***@')}`);
    }
    if (!parsed.hostname) throw new Error('names no host (redis://host:port)');
    return { kind: 'single', url };
  }
  const rest = url.slice(CLUSTER_SCHEME.length).replace(/\/$/, '');
  const at = rest.lastIndexOf('@');
  const credentials = at >= 0 ? rest.slice(0, at) : '';
  const list = at >= 0 ? rest.slice(at + 1) : rest;
  if (list.includes('/') || list.includes('?')) {
    throw new Error(
      'takes no path or options: a cluster has no databases (redis-cluster://h:p,h:p)',
    );
  }
  const nodes = list.split(',').map((entry) => {
    const match = /^([^\s:,]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(entry.trim());
    const port = Number(match?.[2]);
    if (!match || port < 1 || port > 65535) {
      throw new Error(`has a node "${entry}" that is not host:port (redis-cluster://h:p,h:p)`);
    }
    return { host: match[1]!.replace(/^\[|\]$/g, ''), port };
  });
  if (nodes.length === 0 || list === '') throw new Error('names no cluster node');
  const colon = credentials.indexOf(':');
  const username = decodeURIComponent(colon >= 0 ? credentials.slice(0, colon) : credentials);
  const password = colon >= 0 ? decodeURIComponent(credentials.slice(colon + 1)) : undefined;
  return {
    kind: 'cluster',
    nodes,
    ...(username ? { username } : {}),
    ...(password ? { password } : {}),
  };
}

/** A URL fit for logs and banners: credentials replaced by `***`. */
export const describeRedisUrl = (url: string): string => url.replace(/\/\/[^@/]*@/, '//***@');
