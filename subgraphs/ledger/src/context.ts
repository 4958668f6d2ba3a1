import type { IncomingMessage } from 'node:http';
import { viewerFromAuthorization, type TokenVerifier, type Viewer } from '@poolgraph/auth';
import { requestIdOf, type Logger } from '@poolgraph/platform';
import type { LedgerDb } from './db/index.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import type { Poster } from './posting/engine.ts';
import type { Caller, PoolAccess } from './poolAccess.ts';

export interface Context {
  viewer: Viewer | null;
  /** The caller's credentials, forwarded when the ledger asks pools about a pool. */
  caller: Caller;
  db: LedgerDb;
  loaders: Loaders;
  poster: Poster;
  poolAccess: PoolAccess;
  log: Logger;
}

export interface ContextDeps {
  db: LedgerDb;
  poster: Poster;
  poolAccess: PoolAccess;
  verifier: TokenVerifier;
  log: Logger;
}

export function createContextFactory(deps: ContextDeps) {
  return async (req: IncomingMessage): Promise<Context> => ({
    // Re-verified here, not trusted from the gateway: a direct call gets only what its token allows.
    viewer: await viewerFromAuthorization(req.headers.authorization, deps.verifier),
    caller: { authorization: req.headers.authorization, requestId: requestIdOf(req) },
    db: deps.db,
    loaders: createLoaders(deps.db),
    poster: deps.poster,
    poolAccess: deps.poolAccess,
    log: deps.log,
  });
}
