import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '@poolgraph/platform';

/** Which limit an operation broke: `extensions.limit` of a QUERY_TOO_COMPLEX error. */
export type OperationLimitName =
  'depth' | 'aliases' | 'rootFields' | 'directives' | 'tokens' | 'cost';

const describe: Record<OperationLimitName, (actual: number, max: number) => string> = {
  depth: (actual, max) => `The operation is ${actual} levels deep; the maximum depth is ${max}.`,
  aliases: (actual, max) => `The operation has ${actual} aliases; the maximum is ${max}.`,
  rootFields: (actual, max) =>
    `The operation selects ${actual} root fields; the maximum is ${max}.`,
  directives: (actual, max) => `The operation has ${actual} directives; the maximum is ${max}.`,
  tokens: (_actual, max) => `The document has more than ${max} tokens, the maximum.`,
  cost: (actual, max) =>
    `The operation's estimated cost is ${actual}; the maximum is ${max}. Ask for fewer items (first/limit) or fewer nested lists.`,
};

/** HTTP 400, code QUERY_TOO_COMPLEX, `extensions: { limit, max, actual }`. */
export function queryTooComplex(
  limit: OperationLimitName,
  max: number,
  actual?: number,
): GraphQLError {
  const shown = actual === undefined ? max + 1 : Math.min(actual, Number.MAX_SAFE_INTEGER);
  return new GraphQLError(describe[limit](shown, max), {
    extensions: {
      code: ErrorCode.QUERY_TOO_COMPLEX,
      limit,
      max,
      ...(actual === undefined ? {} : { actual: shown }),
      http: { status: 400 },
    },
  });
}

// graphql-js spells it "more that" (sic).
const TOO_MANY_TOKENS = /Document contains more tha[nt] (\d+) tokens/;

/**
 * Apollo reports the parser's token limit as GRAPHQL_PARSE_FAILED and the structural limits
 * (a validation rule) as GRAPHQL_VALIDATION_FAILED; clients see them as the limits they are.
 * Everything else goes on to `format` unchanged.
 */
export function formatLimitErrors(
  format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const tokens = TOO_MANY_TOKENS.exec(formatted.message);
    if (tokens && formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED') {
      const { message, extensions } = queryTooComplex('tokens', Number(tokens[1]));
      const { http: _http, ...visible } = extensions;
      return { message, extensions: visible };
    }
    if (formatted.extensions?.limit && formatted.extensions.code === 'GRAPHQL_VALIDATION_FAILED') {
      return {
        ...formatted,
        extensions: { ...formatted.extensions, code: ErrorCode.QUERY_TOO_COMPLEX },
      };
    }
    // Apollo raises some request errors with a 4xx status and no code (an unsupported
    // persisted query version, a hash that does not match the query): they are the client's,
    // not bugs to mask as "Internal server error".
    const http = (error as GraphQLError | undefined)?.extensions?.http as { status?: unknown };
    const status = http?.status;
    if (!formatted.extensions?.code || formatted.extensions.code === 'INTERNAL_SERVER_ERROR') {
      if (typeof status === 'number' && status >= 400 && status < 500) {
        return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
      }
    }
    return format(formatted, error);
  };
}
