/**
 * Where Redis is, as one string (REDIS_URL, `config.redisUrl`):
 * - a single server: `redis://[user:password@]host:port[/db]`;
 * - a Redis Cluster: `redis-cluster://[user:password@]host:port,host:port,…`, the seed nodes
 *   (any reachable master or replica; the client discovers the rest from CLUSTER SLOTS).
 * Over TLS the same with an s: `rediss://…` and `rediss-cluster://…`; the server's certificate
 * is verified against the process's CA (TLS_CA, tls.ts) and must name the host in the URL.
 * Kept free of ioredis so env parsing can validate it without opening anything.
 */
export const CLUSTER_SCHEME = 'redis-cluster://';
export const TLS_CLUSTER_SCHEME = 'rediss-cluster://';

export type RedisTarget =
  | { kind: 'single'; url: string; tls: boolean }
  | {
      kind: 'cluster';
      tls: boolean;
      nodes: Array<{ host: string; port: number }>;
      username?: string;
      password?: string;
    };

export const isClusterUrl = (url: string): boolean =>
  url.startsWith(CLUSTER_SCHEME) || url.startsWith(TLS_CLUSTER_SCHEME);

/** Whether the URL asks for TLS (rediss://, rediss-cluster://). */
export const isTlsRedisUrl = (url: string): boolean =>
  url.startsWith('rediss://') || url.startsWith(TLS_CLUSTER_SCHEME);

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
    if (!url.startsWith('redis://') && !url.startsWith('rediss://')) {
      throw new Error(
        `must be a redis:// or rediss:// URL (one server) or ${CLUSTER_SCHEME}host:port,host:port,… (a cluster; ${TLS_CLUSTER_SCHEME} over TLS)`,
      );
    }
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`is not a valid URL: ${url.replace(/\/\/[^@]*@/, '//***@')}`);
    }
    if (!parsed.hostname) throw new Error('names no host (redis://host:port)');
    return { kind: 'single', url, tls: url.startsWith('rediss://') };
  }
  const tls = url.startsWith(TLS_CLUSTER_SCHEME);
  const rest = url.slice((tls ? TLS_CLUSTER_SCHEME : CLUSTER_SCHEME).length).replace(/\/$/, '');
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
    tls,
    nodes,
    ...(username ? { username } : {}),
    ...(password ? { password } : {}),
  };
}

/** A URL fit for logs and banners: credentials replaced by `***`. */
export const describeRedisUrl = (url: string): string => url.replace(/\/\/[^@/]*@/, '//***@');
