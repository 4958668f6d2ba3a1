import { Counter, Histogram, type Registry } from '@poolgraph/platform';

/** Why a subgraph fetch failed; a closed set keeps the label's cardinality bounded. */
export type SubgraphFailureReason = 'timeout' | 'unreachable' | 'http_status' | 'invalid_response';

export interface SubgraphMetrics {
  fetchDuration: Histogram<'subgraph'>;
  fetchFailures: Counter<'subgraph' | 'reason'>;
}

/** Gateway-only metrics, registered beside the shared GraphQL ones. */
export function createSubgraphMetrics(registry: Registry): SubgraphMetrics {
  return {
    fetchDuration: new Histogram({
      name: 'subgraph_fetch_duration_seconds',
      help: 'Time from sending a subgraph request to having its parsed response, by subgraph',
      labelNames: ['subgraph'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    fetchFailures: new Counter({
      name: 'subgraph_fetch_failures_total',
      help: 'Subgraph requests that failed (no answer, timeout, non-2xx, unreadable body)',
      labelNames: ['subgraph', 'reason'],
      registers: [registry],
    }),
  };
}
