import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind, GraphQLError } from 'graphql';

/**
 * The request errors a plain Apollo Server answers with 400 but `@apollo/gateway` reports from
 * its executor as `INVALID_GRAPHQL` with a 500: no operation matches `operationName` (an
 * unknown name, or several operations and no name), or the operation's type has no root in
 * the schema (`mutation` on a graph without one). They are the client's mistakes, so they are
 * raised here, before execution, as HTTP 400 `OPERATION_RESOLUTION_FAILURE` (Apollo's code for
 * them), as the GraphQL-over-HTTP spec asks of a request that cannot be executed. So is a
 * subscription sent over HTTP (the gateway's executor throws on it): 400 `BAD_REQUEST`.
 */
export function operationResolutionPlugin<T extends BaseContext>(): ApolloServerPlugin<T> {
  const refuse = (message: string, code = 'OPERATION_RESOLUTION_FAILURE') =>
    new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema }) {
          if (!operation) {
            const named = request.operationName;
            if (named) throw refuse(`Unknown operation named "${named}".`);
            const count = document.definitions.filter(
              (d) => d.kind === Kind.OPERATION_DEFINITION,
            ).length;
            throw refuse(
              count > 1
                ? 'Must provide operation name if query contains multiple operations.'
                : 'The document contains no operation.',
            );
          }
          if (!schema.getRootType(operation.operation)) {
            throw refuse(`The schema has no ${operation.operation} type.`);
          }
          if (operation.operation === 'subscription') {
            throw refuse(
              'Subscriptions are served over WebSocket (graphql-ws) at /graphql, not over HTTP.',
              'BAD_REQUEST',
            );
          }
        },
      };
    },
  };
}
