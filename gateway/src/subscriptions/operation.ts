import { GraphQLError, type DocumentNode } from 'graphql';
import type { Viewer } from '@poolgraph/auth';
import type { SubscriptionPlan, SubscriptionPlanner } from './plan.ts';

export interface Session {
  viewer: Viewer;
  authorization: string;
  /** Token expiry, ms since the epoch: the subscriptions end then. */
  expiresAt: number;
  clientAddress: string | undefined;
  /** Verifies the token again (signature cached, revocation asked); throws when it ended. */
  recheck?: () => Promise<unknown>;
}

/** One client subscription, as onSubscribe prepared it. */
export interface Operation {
  session: Session;
  socket: { close(code: number, reason: string): void };
  plan: SubscriptionPlan;
  planner: SubscriptionPlanner;
  document: DocumentNode;
  source: string;
  operationName: string | undefined;
  variables: Record<string, unknown>;
}

/**
 * Subscriptions that share one upstream subscription and one resolution per event: one user
 * (with the same roles), the same operation, the same variables. Subgraphs authorize by that
 * identity, whichever of the user's tokens they are shown.
 */
export const sharingKey = (operation: Operation): string =>
  JSON.stringify([
    operation.session.viewer.userId,
    [...operation.session.viewer.roles].sort(),
    operation.operationName ?? null,
    operation.source,
    operation.variables,
  ]);

export const graphQLFailure = (code: string, message: string) =>
  new GraphQLError(message, { extensions: { code } });

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
