import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '@poolgraph/platform';
import type { GatewayContext } from './context.ts';

/**
 * One info line per GraphQL request: operation, duration, error codes, request id. Variables
 * and the query text are never logged: they can carry passwords and refresh tokens.
 */
export function requestLogPlugin(log: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      const errorCodes = new Set<string>();
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            errorCodes.add(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
          }
        },
        async willSendResponse({ request, operationName, response }) {
          log.info(
            {
              requestId: contextValue.requestId,
              operation: operationName ?? request.operationName ?? 'anonymous',
              userId: contextValue.viewer?.userId,
              status: response.http.status ?? 200,
              durationMs: Number(process.hrtime.bigint() - started) / 1e6,
              errorCodes: [...errorCodes],
            },
            'graphql request',
          );
        },
      };
    },
  };
}
