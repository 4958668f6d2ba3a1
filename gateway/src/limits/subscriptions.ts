import {
  GraphQLError,
  parse,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { OperationLimits } from './config.ts';
import { operationCost } from './cost.ts';
import { queryTooComplex } from './errors.ts';
import { checkOperationShape } from './shape.ts';

/** The HTTP status an error carries is for HTTP responses, not for graphql-ws frames. */
function withoutHttp(error: GraphQLError): GraphQLError {
  const { http: _http, ...extensions } = error.extensions;
  return new GraphQLError(error.message, { extensions });
}

/**
 * The HTTP path's token and structure limits for a subscribe message: its parsed document, or
 * the errors to send (a syntax error, or QUERY_TOO_COMPLEX) before validation runs.
 */
export function parseWithinLimits(
  query: string,
  limits: OperationLimits,
): DocumentNode | readonly GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: limits.maxTokens });
  } catch (error) {
    const tooLong = /contains more tha[nt] \d+ tokens/.test((error as Error).message);
    return [
      tooLong ? withoutHttp(queryTooComplex('tokens', limits.maxTokens)) : (error as GraphQLError),
    ];
  }
  const tooComplex = checkOperationShape(document, limits);
  return tooComplex ? [withoutHttp(tooComplex)] : document;
}

/** QUERY_TOO_COMPLEX when the validated subscription costs more than the limit. */
export function costError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: OperationLimits,
): GraphQLError | undefined {
  const { defaultListSize, maxCost } = limits;
  const { cost } = operationCost({ schema, document, operation, variables, defaultListSize });
  return cost > maxCost ? withoutHttp(queryTooComplex('cost', maxCost, cost)) : undefined;
}
