import { peerFetch, type ReadinessCheck } from '@poolgraph/platform';
import type { SubgraphEndpoint } from './supergraph.ts';

const HEALTH_TIMEOUT_MS = 2_000;

/** `http://host:port/graphql` → `http://host:port/healthz` (a path prefix is kept). */
export function healthUrlOf(routingUrl: string): string {
  const url = new URL(routingUrl);
  url.pathname = `${url.pathname.replace(/\/graphql\/?$/, '').replace(/\/$/, '')}/healthz`;
  url.search = '';
  return url.toString();
}

async function checkHealth(routingUrl: string): Promise<void> {
  const url = healthUrlOf(routingUrl);
  let response: Response;
  try {
    response = await peerFetch(url, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
  } catch (error) {
    const { name, cause } = error as Error & { cause?: { code?: string } };
    const reason =
      name === 'TimeoutError' ? `no answer within ${HEALTH_TIMEOUT_MS} ms` : cause?.code;
    throw new Error(`${url} is unreachable (${reason ?? 'fetch failed'})`, { cause: error });
  }
  await response.body?.cancel();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
}

/**
 * Ready means a supergraph is loaded and every subgraph it routes to answers /healthz.
 * Computed per call, so a reloaded supergraph's subgraphs are the ones checked.
 */
export function subgraphReadiness(current: () => SubgraphEndpoint[]): () => ReadinessCheck[] {
  return () => {
    const subgraphs = current();
    if (subgraphs.length === 0) {
      const notLoaded = async () => {
        throw new Error('no supergraph is loaded');
      };
      return [{ name: 'supergraph', check: notLoaded }];
    }
    return subgraphs.map(({ name, url }) => ({ name, check: () => checkHealth(url) }));
  };
}
