import { ApolloLink, CombinedGraphQLErrors, InMemoryCache, ServerError } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { relayStylePagination } from '@apollo/client/utilities';
import { Observable } from 'rxjs';
import type { SessionStore } from './session.ts';

/** SHA-256 of the operation text, hex: the id APQ and the persisted-query manifest use. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const isUnauthenticated = (error: unknown) =>
  (ServerError.is(error) && error.statusCode === 401) ||
  (CombinedGraphQLErrors.is(error) &&
    error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED'));

/** An operation refused until the person proves a second factor again (users' stepUp). */
export const needsStepUp = (error: unknown) =>
  CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.use === 'stepUp');

/**
 * The HTTP side: the caller's token on every request, operations sent by their SHA-256 (APQ:
 * the text follows only when the gateway does not know the hash), and one token refresh and
 * retry when the gateway answers UNAUTHENTICATED; an operation that needs a fresh second factor
 * (confirmPayout, createApiKey, setPayoutDetails: `use: "stepUp"`) asks for a code once and is
 * sent again with the stepped-up token.
 */
export function httpChain(session: SessionStore, terminating: ApolloLink): ApolloLink {
  const auth = new ApolloLink((operation, forward) => {
    const token = session.current?.accessToken;
    if (token && !operation.getContext().anonymous) {
      operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({
        headers: { ...headers, authorization: `Bearer ${token}` },
      }));
    }
    return forward(operation);
  });
  const retryOnExpiry = new ErrorLink(({ error, operation, forward }) => {
    const context = operation.getContext();
    if (!isUnauthenticated(error) || context.anonymous || context.retried || !session.current) {
      return;
    }
    return new Observable<ApolloLink.Result>((observer) => {
      void session.refresh().then((next) => {
        if (!next) return observer.error(error);
        operation.setContext({ retried: true });
        forward(operation).subscribe(observer);
      });
    });
  });
  const retryAfterStepUp = new ErrorLink(({ error, operation, forward }) => {
    if (!needsStepUp(error) || operation.getContext().steppedUp) return;
    return new Observable<ApolloLink.Result>((observer) => {
      void session.stepUp().then((done) => {
        if (!done) return observer.error(error);
        operation.setContext({ steppedUp: true });
        forward(operation).subscribe(observer);
      });
    });
  });
  const persisted = new PersistedQueryLink({ sha256: sha256Hex });
  return ApolloLink.from([retryOnExpiry, retryAfterStepUp, auth, persisted, terminating]);
}

/** The cache: values without their own identity are stored inside their parent. */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Money: { keyFields: false },
      Position: { keyFields: false },
      InvestorStatement: { keyFields: false },
      // Merged, not replaced, so a page of its members' shares appends to the ones before.
      PoolPerformance: {
        keyFields: false,
        merge: true,
        fields: {
          investorsConnection: relayStylePagination(),
          byDayConnection: relayStylePagination(),
          byMonthConnection: relayStylePagination(),
        },
      },
      // Connections: a page fetched with `after` is appended to the ones before it.
      Query: {
        fields: {
          poolsConnection: relayStylePagination(),
          alertsConnection: relayStylePagination(['poolId', 'status']),
          noticesConnection: relayStylePagination(['unreadOnly']),
          apiKeysConnection: relayStylePagination(),
          mySessionsConnection: relayStylePagination(),
          myInvitationsConnection: relayStylePagination(),
          paymentMismatchesConnection: relayStylePagination(['poolId', 'days']),
          investorPerformanceConnection: relayStylePagination(['investorId']),
        },
      },
      Pool: {
        fields: {
          membersConnection: relayStylePagination(),
          invitationsConnection: relayStylePagination(),
          termsHistoryConnection: relayStylePagination(),
        },
      },
      User: {
        fields: {
          managedPoolsConnection: relayStylePagination(),
          membershipsConnection: relayStylePagination(),
        },
      },
    },
  });
}
