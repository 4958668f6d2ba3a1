import { getOperationAST, GraphQLError, Kind, type DocumentNode } from 'graphql';
import type { Viewer } from '@poolgraph/auth';
import { ErrorCode } from '@poolgraph/platform';
import type { SubscriptionPlan, SubscriptionPlanner } from './plan.ts';

export interface Session {
  viewer: Viewer;
  /** The token subgraphs get; a key's session swaps in a fresh one before it expires. */
  authorization: string;
  /** Token expiry, ms since the epoch: the subscriptions end then (unless it was renewed). */
  expiresAt: number;
  clientAddress: string;
  /** Opened with `x-api-key`: persisted operations by id only, charged to the key. */
  apiKey?: boolean;
  /** Verifies the token again (signature cached, revocation asked); throws when it ended. */
  recheck?: () => Promise<unknown>;
}

/** The client's socket, as a subscription uses it (a `ws` WebSocket). */
export interface ClientSocket {
  send(data: Buffer, options: { binary: boolean }): void;
  close(code: number, reason: string): void;
  /** Bytes queued and not yet written to the network. */
  readonly bufferedAmount: number;
}

/** One client subscription, as onSubscribe prepared it. */
export interface Operation {
  session: Session;
  socket: ClientSocket;
  /** The client's id for this subscription, which every frame for it carries. */
  id: string;
  plan: SubscriptionPlan;
  planner: SubscriptionPlanner;
  document: DocumentNode;
  source: string;
  operationName: string | undefined;
  variables: Record<string, unknown>;
}

/**
 * Root subscription fields that answer with the caller's own data, whoever the caller is, admins
 * included (alerts: an investor's notices and their unread count): never shared between users.
 */
const CALLERS_OWN: ReadonlySet<string> = new Set(['noticeReceived', 'unreadNoticeCount']);

/**
 * Who a subscription's results depend on. Subgraphs authorize by the verified viewer (its user
 * id and roles) and nothing else of the request, so callers whose answers must be the same
 * share one class:
 * - a user's own sessions and tabs: the user id and roles;
 * - ADMINs: the role set alone, for a root field the subgraphs answer alike for every admin.
 *   Every subgraph's rule for ADMIN is "everything, whoever the admin is" (ledger
 *   `seesWholePool` and `authorizeWatch`, pools `isAdmin`, users `viewer.userId === user.id ||
 *   ADMIN`, alerts' `alertRaised`), so no admin can be shown anything another admin could not
 *   see. Not for the caller's own fields (CALLERS_OWN), nor a root field the gateway cannot
 *   name (a fragment at the root). Deliberately not extended to managers or investors, whose
 *   answers depend on their own pools and memberships.
 * Revocation and expiry stay per subscriber: each stream re-verifies its own token (stream.ts).
 */
export function sharingIdentity(viewer: Viewer, rootField: string | undefined): string {
  // Every field of the viewer but its id and session, so that anything added to it later
  // (scopes, say) separates admins who differ in it.
  const { userId, sessionId: _session, roles, ...rest } = viewer;
  const identity = JSON.stringify({ ...rest, roles: [...roles].sort() });
  const sharedByAdmins =
    roles.includes('ADMIN') && rootField !== undefined && !CALLERS_OWN.has(rootField);
  return sharedByAdmins ? `admin:${identity}` : `user:${userId}:${identity}`;
}

/** The subscription's one root field, when it is written as a field (not in a fragment). */
function rootFieldOf(operation: Operation): string | undefined {
  const definition = getOperationAST(operation.document, operation.operationName);
  const first = definition?.selectionSet.selections[0];
  return first?.kind === Kind.FIELD ? first.name.value : undefined;
}

/**
 * Subscriptions that share one upstream subscription, one resolution per event (entity
 * fetches included) and one serialized frame: one sharing identity, the same operation, the
 * same variables.
 */
export const sharingKey = (operation: Operation): string =>
  JSON.stringify([
    sharingIdentity(operation.session.viewer, rootFieldOf(operation)),
    operation.operationName ?? null,
    operation.source,
    operation.variables,
  ]);

export const graphQLFailure = (code: string, message: string) =>
  new GraphQLError(message, { extensions: { code } });

/**
 * An upstream failure that is only the subgraph refusing the token it was sent (UNAUTHENTICATED,
 * nothing else): the shared source then fails over to another session, and with none left a
 * key's socket closes with 4401 (stream.ts).
 */
export const refusesToken = (errors: readonly GraphQLError[]): boolean =>
  errors.length > 0 && errors.every((e) => e.extensions.code === ErrorCode.UNAUTHENTICATED);

/**
 * An error a subgraph sent over graphql-ws (plain JSON) as a GraphQLError, which graphql-ws
 * needs to serialize it, keeping its message and code. Subgraphs already mask internal errors.
 */
export function fromUpstreamError(error: unknown, serviceName: string): GraphQLError {
  const { message, extensions } = (error ?? {}) as {
    message?: unknown;
    extensions?: Record<string, unknown>;
  };
  const code = typeof extensions?.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
  return new GraphQLError(typeof message === 'string' ? message : 'Internal server error', {
    extensions: { ...extensions, code, serviceName },
  });
}
