import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequest } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { ErrorCode, graphQLError } from '@poolgraph/platform';
import type { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context.ts';
import type { TrustedDocuments } from './manifest.ts';

/** Who may send operations that are not in a manifest. */
export interface PersistedQueryPolicy {
  documents: TrustedDocuments;
  /** `SAFELIST=enforce`: every caller runs manifest operations only, by id. */
  enforce: boolean;
}

const notFound = () =>
  graphQLError(
    ErrorCode.PERSISTED_QUERY_NOT_FOUND,
    'No persisted operation has this id; only the operations in the manifests can run.',
    { http: { status: 200, headers: new HeaderMap([['cache-control', 'private, no-cache']]) } },
  );
const notAllowed = (who: string) =>
  graphQLError(
    ErrorCode.PERSISTED_QUERY_NOT_ALLOWED,
    `${who} may run only persisted operations from the manifests, by id (extensions.persistedQuery.sha256Hash).`,
    { http: { status: 400 } },
  );

const hashOf = (request: GraphQLRequest): string | undefined => {
  const hash = (request.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)
    ?.sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
};

/**
 * The decision for one HTTP request: a manifest operation runs by its id (whoever calls, even
 * when the APQ cache never saw it); everything else runs only for callers not restricted (no
 * API key, SAFELIST not enforced): APQ as Apollo implements it, or a plain query.
 */
export function decide(
  request: GraphQLRequest,
  policy: PersistedQueryPolicy,
  apiKey: boolean,
): { body: string } | { error: GraphQLError } | 'as-sent' {
  const hash = hashOf(request);
  const trusted = hash === undefined ? undefined : policy.documents.get(hash);
  // Sent with its body too: Apollo checks that the body hashes to the id, so it is the same.
  if (trusted && (request.query === undefined || sha256(request.query) === trusted.id)) {
    return { body: trusted.body };
  }
  if (!apiKey && !policy.enforce) return 'as-sent';
  if (hash !== undefined && request.query === undefined) return { error: notFound() };
  return { error: notAllowed(apiKey ? 'An API key' : 'This gateway (SAFELIST=enforce)') };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Answered for a refused request: tiny, valid, and never executed (the error is thrown first). */
export const REFUSED_OPERATION_NAME = 'PersistedQueryRefused';
const REFUSED_DOCUMENT = `query ${REFUSED_OPERATION_NAME} { __typename }`;

/**
 * Applies `decide` before Apollo reads the request. A manifest operation's body replaces the
 * request's (and its APQ extension goes: nothing is written to the APQ cache for it). A refusal
 * cannot be thrown from requestDidStart (Apollo answers 500), so the request is swapped for a
 * tiny document and the error is raised when its operation resolves, before any execution.
 */
export function persistedQueryPlugin(
  policy: PersistedQueryPolicy,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const decision = decide(request, policy, !!contextValue.apiKey);
      if (decision === 'as-sent') return;
      if (request.extensions) delete request.extensions.persistedQuery;
      if ('body' in decision) {
        request.query = decision.body;
        return;
      }
      request.query = REFUSED_DOCUMENT;
      request.operationName = undefined;
      request.variables = undefined;
      return {
        async didResolveOperation() {
          throw decision.error;
        },
      };
    },
  };
}

/**
 * The same rule for a graphql-ws subscribe payload (`attachGatewaySubscriptions` asks it): the
 * query to run, or the errors to answer with. An API key runs manifest operations by id only,
 * as over HTTP: `extensions.persistedQuery.sha256Hash`, with no query or the manifest's own
 * body; text without an id is PERSISTED_QUERY_NOT_ALLOWED. Under SAFELIST=enforce other callers
 * may also send a manifest body as is (graphql-ws clients send text).
 */
export function subscriptionQuery(
  policy: PersistedQueryPolicy | undefined,
  payload: { query?: unknown; extensions?: Record<string, unknown> | null },
  apiKey: boolean,
): string | readonly GraphQLError[] {
  const query =
    typeof payload.query === 'string' && payload.query !== '' ? payload.query : undefined;
  if (!policy && !apiKey) return query ?? '';
  const hash = (payload.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)
    ?.sha256Hash;
  const byId = typeof hash === 'string' ? policy?.documents.get(hash) : undefined;
  if (byId && (query === undefined || sha256(query) === byId.id)) return byId.body;
  const byText = query !== undefined ? policy?.documents.get(sha256(query)) : undefined;
  if (byText && !apiKey) return byText.body;
  if (!apiKey && !policy?.enforce) return query ?? '';
  if (typeof hash === 'string' && query === undefined) return [notFound()];
  return [notAllowed(apiKey ? 'An API key' : 'This gateway (SAFELIST=enforce)')];
}
