import type { IncomingMessage } from 'node:http';
import { viewerFromAuthorization, type TokenVerifier, type Viewer } from '@poolgraph/auth';
import type { Logger } from '@poolgraph/platform';
import type { ReportsDb } from './db/index.ts';

/** No loaders: reports owns no entity that another subgraph references. */
export interface Context {
  viewer: Viewer | null;
  /** The primary: for anything that writes, or must see the latest write. */
  db: ReportsDb;
  /**
   * Every query here reads through this: the replica while it is in the read rotation, else
   * the primary. The read models already trail the ledger; the replica adds its own lag.
   */
  readDb: ReportsDb;
  log: Logger;
  /** The read models' lag behind the ledger, in seconds (reportsFreshness). */
  lagSeconds: () => Promise<number>;
}

export interface ContextDeps {
  db: ReportsDb;
  readDb: ReportsDb;
  verifier: TokenVerifier;
  log: Logger;
  lagSeconds: () => Promise<number>;
}

export function createContextFactory(deps: ContextDeps) {
  return async (req: IncomingMessage): Promise<Context> => ({
    // Re-verified here, not trusted from the gateway: a direct call gets only what its token allows.
    viewer: await viewerFromAuthorization(req.headers.authorization, deps.verifier),
    db: deps.db,
    readDb: deps.readDb,
    log: deps.log,
    lagSeconds: deps.lagSeconds,
  });
}
