import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { ErrorCode } from './errors.ts';

export { Counter, Gauge, Histogram, Registry };

export interface GraphQLMetrics {
  /** The `service` label of every series (also the service named on its trace spans). */
  service: string;
  registry: Registry;
  requests: Counter<'operation'>;
  duration: Histogram<'operation'>;
  errors: Counter<'code'>;
}

/** One registry per process (so tests can run several services in one process). */
export function createMetrics(service: string): GraphQLMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const errors = new Counter({
    name: 'graphql_errors_total',
    help: 'GraphQL errors returned, by code',
    labelNames: ['code'],
    registers: [registry],
  });
  // Every standard code from zero: dashboards show 0 rather than no data, and rate() and
  // alerts see the first error of a code.
  for (const code of Object.values(ErrorCode)) errors.inc({ code }, 0);
  return {
    service,
    registry,
    requests: new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL operations received, by operation name',
      labelNames: ['operation'],
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'GraphQL operation latency, by operation name',
      labelNames: ['operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    errors,
  };
}
