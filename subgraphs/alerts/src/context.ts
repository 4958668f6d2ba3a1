import type { IncomingMessage } from 'node:http';
import { viewerFromAuthorization, type TokenVerifier, type Viewer } from '@poolgraph/auth';
import type { Logger } from '@poolgraph/platform';
import type { AlertsDb } from './db/index.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export interface Context {
  viewer: Viewer | null;
  db: AlertsDb;
  loaders: Loaders;
  log: Logger;
}

export interface ContextDeps {
  db: AlertsDb;
  verifier: TokenVerifier;
  log: Logger;
}

export function createContextFactory(deps: ContextDeps) {
  return async (req: IncomingMessage): Promise<Context> => ({
    // Re-verified here, not trusted from the gateway: a direct call gets only what its token allows.
    viewer: await viewerFromAuthorization(req.headers.authorization, deps.verifier),
    db: deps.db,
    loaders: createLoaders(deps.db),
    log: deps.log,
  });
}
