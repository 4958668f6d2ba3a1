import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { viewerFromAuthorization, type TokenVerifier, type Viewer } from '@poolgraph/auth';
import { requestIdOf, type Keyring, type Logger, type StreamTail } from '@poolgraph/platform';
import type { AlertsDb } from './db/index.ts';
import type { AlertRaisedEvent } from './events/alertStream.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import type { Caller, PoolsPeer } from './peers/pools.ts';

export interface Context {
  viewer: Viewer | null;
  /** The caller's credentials, forwarded when alerts asks pools about a pool it has no facts for. */
  caller: Caller;
  db: AlertsDb;
  loaders: Loaders;
  log: Logger;
  /** The tail of `alerts.raised` (every alert under one key; subscriptions filter). */
  alertEvents: StreamTail<AlertRaisedEvent>;
  pools: PoolsPeer;
  /** NODE_ENV=production: webhook URLs must be public https. */
  production: boolean;
  /** Seals webhook secrets as channels are created (data/sealedColumns.ts). */
  secrets: Keyring;
  /** Wakes the in-process dispatcher (replays); a no-op when the worker runs elsewhere. */
  kickDispatcher: () => void;
  /**
   * Wakes the in-process outbox relay after a request wrote outbox rows; when the worker runs
   * elsewhere its relay finds them at its next poll.
   */
  kickRelay: () => void;
}

export type ContextDeps = Omit<Context, 'viewer' | 'caller' | 'loaders'> & {
  verifier: TokenVerifier;
};

/** One context per HTTP request, or per subscription (its token comes with the subscribe message). */
export function createContextFactory({ verifier, ...deps }: ContextDeps) {
  const contextFor = async (
    authorization: string | undefined,
    requestId: string,
  ): Promise<Context> => {
    // Re-verified here, not trusted from the gateway: a direct call gets only what its token allows.
    const viewer = await viewerFromAuthorization(authorization, verifier);
    return {
      ...deps,
      viewer,
      caller: { authorization, requestId },
      loaders: createLoaders(deps.db, viewer),
    };
  };
  return {
    http: (req: IncomingMessage) => contextFor(req.headers.authorization, requestIdOf(req)),
    subscription: (authorization: string | undefined) => contextFor(authorization, randomUUID()),
  };
}
