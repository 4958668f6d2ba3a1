import { GraphQLError, type DocumentNode } from 'graphql';
import type { Viewer } from '@poolgraph/auth';
import type { SubscriptionPlan, SubscriptionPlanner } from './plan.ts';

export interface Session {
  viewer: Viewer;
  authorization: string;
  /** Token expiry, ms since the epoch: the subscriptions end then. */
  expiresAt: number;
  clientAddress: string | undefined;
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
