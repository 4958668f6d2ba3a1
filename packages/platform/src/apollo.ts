import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import type { GraphQLMetrics } from './metrics.ts';
import { nameActiveSpan } from './tracing.ts';

/** Records requests and latency by operation name, and errors by code. */
export function metricsPlugin<T extends BaseContext>(
  metrics: GraphQLMetrics,
): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      const end = process.hrtime.bigint();
      return {
        async didResolveOperation({ operationName, operation }) {
          const name = operationName ?? 'anonymous';
          const type = operation?.operation ?? 'query';
          nameActiveSpan(`${type} ${name}`, {
            'graphql.operation.name': name,
            'graphql.operation.type': type,
            'poolgraph.service': metrics.service,
          });
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            metrics.errors.inc({ code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' });
          }
        },
        async willSendResponse({ request, operationName }) {
          const operation = operationName ?? request.operationName ?? 'anonymous';
          metrics.requests.inc({ operation });
          metrics.duration.observe({ operation }, Number(process.hrtime.bigint() - end) / 1e9);
        },
      };
    },
  };
}

/**
 * Errors we raise carry a standard code. Anything else is a bug: it is logged with its stack
 * and the client gets a plain "Internal server error" with no internals.
 */
export function formatErrorFor(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code && code !== 'INTERNAL_SERVER_ERROR') {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    // Errors forwarded from a subgraph by the gateway are already masked there.
    if (formatted.extensions?.serviceName) return formatted;
    log.error({ err: error, path: formatted.path }, 'unexpected error');
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
