import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import { Kind, type GraphQLFormattedError, type SelectionSetNode } from 'graphql';
import type { Logger } from 'pino';
import type { GraphQLMetrics } from './metrics.ts';
import { nameActiveSpan } from './tracing.ts';

/** The `operation` label of a request, from a bounded set (see `metricsPlugin`). */
export type OperationLabel = (request: GraphQLRequestContext<BaseContext>) => string;

/** Requests whose operation did not resolve, or whose name the server does not know. */
export const OTHER_OPERATION = 'other';

/**
 * A subgraph's label: the operation's first root field as its schema names it (`query pools`,
 * `query _entities`, `mutation logIn`). A subgraph's operations are the gateway's query plans,
 * named after whatever the client called its operation, so that name is not bounded; its own
 * schema's root fields are. An operation that did not resolve is `other`.
 */
export const rootFieldLabel: OperationLabel = ({ operation, schema }) => {
  const root = operation && schema.getRootType(operation.operation);
  const name = root && firstFieldName(operation.selectionSet);
  return name && (name === '__typename' || root.getFields()[name])
    ? `${operation.operation} ${name}`
    : OTHER_OPERATION;
};

function firstFieldName(set: SelectionSetNode): string | undefined {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) return selection.name.value;
    if (selection.kind === Kind.INLINE_FRAGMENT) return firstFieldName(selection.selectionSet);
  }
  return undefined;
}

/**
 * Records requests and latency by operation, and errors by code. Every label value comes from
 * a set the server knows (`label`; subgraphs: their root fields), never from the client as
 * sent: one series per made-up operation name would let any caller grow /metrics (and
 * Prometheus) without bound. Refused requests are labelled the same way.
 */
export function metricsPlugin<T extends BaseContext>(
  metrics: GraphQLMetrics,
  label: OperationLabel = rootFieldLabel,
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
        async willSendResponse(request) {
          const operation = label(request as GraphQLRequestContext<BaseContext>);
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
