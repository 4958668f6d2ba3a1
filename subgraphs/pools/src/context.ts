import type { IncomingMessage } from 'node:http';
import { viewerFromAuthorization, type TokenVerifier, type Viewer } from '@poolgraph/auth';
import { requestIdOf, type Logger } from '@poolgraph/platform';
import type { PoolsDb, PoolsTx } from './db/index.ts';
import { inTransaction } from './data/transaction.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { createPeerClients, createPeers, type PeerUrls, type Peers } from './peers.ts';
import type { InvitationMail } from './services/invitationMail.ts';

export interface Context {
  viewer: Viewer | null;
  /** The primary: every write, and every read of a request that is not a listing. */
  db: PoolsDb;
  /**
   * For lag-tolerant listings only: the replica (while in the read rotation) in a listing
   * request, the primary in any other.
   */
  readDb: PoolsDb;
  loaders: Loaders;
  /**
   * `readDb` and loaders on the read database, which a listing request (listingReads.ts) puts
   * in its context before it runs: the whole request then reads one source.
   */
  listingReads(): Pick<Context, 'readDb' | 'loaders'>;
  /** users and ledger, asked as this caller (with the caller's own Authorization header). */
  peers: Peers;
  log: Logger;
  /** Sends EMAIL invitations when the platform has a mailer. */
  invitationMail: InvitationMail;
  /**
   * Runs a change in one MySQL transaction (rerun on deadlock), then wakes the outbox relay so
   * the change's events go out at once.
   */
  transaction: <T>(work: (tx: PoolsTx) => Promise<T>) => Promise<T>;
}

export interface ContextDeps {
  db: PoolsDb;
  readDb: PoolsDb;
  /** Called after each committed change (the outbox relay's notify). */
  onCommitted: () => void;
  verifier: TokenVerifier;
  peerUrls: PeerUrls;
  invitationMail: InvitationMail;
  log: Logger;
}

export function createContextFactory(deps: ContextDeps) {
  const clients = createPeerClients(deps.peerUrls, deps.log);
  return async (req: IncomingMessage): Promise<Context> => ({
    // Re-verified here, not trusted from the gateway: a direct call gets only what its token allows.
    viewer: await viewerFromAuthorization(req.headers.authorization, deps.verifier),
    db: deps.db,
    readDb: deps.db,
    loaders: createLoaders(deps.db),
    listingReads: () => ({ readDb: deps.readDb, loaders: createLoaders(deps.readDb) }),
    peers: createPeers(
      clients,
      { authorization: req.headers.authorization, requestId: requestIdOf(req) },
      deps.log,
    ),
    log: deps.log,
    invitationMail: deps.invitationMail,
    transaction: async (work) => {
      const result = await inTransaction(deps.db, work);
      deps.onCommitted();
      return result;
    },
  });
}
