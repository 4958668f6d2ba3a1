import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { viewerFromAuthorization, type TokenVerifier, type Viewer } from '@poolgraph/auth';
import type { TransactionStepEvent } from '@poolgraph/events';
import {
  requestIdOf,
  type CallerIdentity,
  type Logger,
  type StreamTail,
} from '@poolgraph/platform';
import type { LedgerDb } from './db/index.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import { askPools, type LocalViews } from './movements/poolView.ts';
import type { Poster } from './movements/lanes.ts';
import type { PoolsPeer } from './peers/pools.ts';
import type { PaymentsDeps } from './payments/index.ts';
import type { MoneyPolicy } from './movements/submit.ts';
import type { PostedTransactions } from './subscriptions/transactionCache.ts';

export interface Context {
  viewer: Viewer | null;
  /** The caller's credentials, forwarded when the ledger asks pools about a pool. */
  caller: CallerIdentity;
  db: LedgerDb;
  loaders: Loaders;
  poster: Poster;
  /** Asked only when the local copy of a pool is missing or refuses (see movements/poolView.ts). */
  pools: PoolsPeer;
  log: Logger;
  /** The `ledger.events` stream as this process tails it, by pool (resumable; streamTail.ts). */
  poolEvents: StreamTail<TransactionStepEvent>;
  postedTransactions: PostedTransactions;
  /**
   * Whether pools, asked as the caller, shows the pool (its answer is kept); false when pools
   * cannot be asked. Once per pool and request.
   */
  confirmedVisible: (poolId: string) => Promise<boolean>;
  /** The local copy of pools, batched across requests (movements/poolView.ts). */
  views: LocalViews;
  /** Payment providers and their services (payments/). */
  payments: PaymentsDeps;
  /** What money may move without a provider (movements/submit.ts). */
  policy: MoneyPolicy;
}

export type ContextDeps = Pick<
  Context,
  | 'db'
  | 'poster'
  | 'pools'
  | 'log'
  | 'poolEvents'
  | 'postedTransactions'
  | 'views'
  | 'payments'
  | 'policy'
> & { verifier: TokenVerifier };

/** One context per HTTP request, or per subscription (its token comes with the subscribe message). */
export function createContextFactory({ verifier, ...deps }: ContextDeps) {
  const contextFor = async (
    authorization: string | undefined,
    requestId: string,
  ): Promise<Context> => {
    // Re-verified here, not trusted from the gateway: a direct call gets only what its token allows.
    const viewer = await viewerFromAuthorization(authorization, verifier);
    const caller = { authorization, requestId };
    const asked = new Map<string, Promise<boolean>>();
    const confirmedVisible = (poolId: string) => {
      let answer = asked.get(poolId);
      if (!answer) {
        answer = viewer
          ? askPools({ ...deps, caller }, poolId, viewer.userId).then(
              (view) => view !== null,
              () => false,
            )
          : Promise.resolve(false);
        asked.set(poolId, answer);
      }
      return answer;
    };
    return { ...deps, viewer, caller, loaders: createLoaders(deps.db), confirmedVisible };
  };
  return {
    http: (req: IncomingMessage) => contextFor(req.headers.authorization, requestIdOf(req)),
    subscription: (authorization: string | undefined) => contextFor(authorization, randomUUID()),
  };
}
