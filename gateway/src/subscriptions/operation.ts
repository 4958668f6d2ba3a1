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

/** Subscriptions that may share one upstream subscription and one resolution per event. */
export const sharingKey = (operation: Operation): string =>
  JSON.stringify([
    operation.session.authorization,
    operation.operationName ?? null,
    operation.source,
    operation.variables,
  ]);

export const graphQLFailure = (code: string, message: string) =>
  new GraphQLError(message, { extensions: { code } });
