import {
  callerFacingError,
  createServiceClient,
  type CallerIdentity,
  type Logger,
} from '@poolgraph/platform';
import { parseAmount } from '@poolgraph/money';
import type { PoolSnapshot, PoolTermsFacts } from '../data/poolFacts.ts';

/** What pools says about a pool and one investor, as seen by the caller, at the time of asking. */
export interface PoolsAnswer {
  pool: PoolSnapshot;
  /** Whether the investor asked about is a member, as far as the caller may know. */
  isMember: boolean;
  /** Their commitment in minor units, when they are a member the caller may see. */
  commitmentMinor: bigint | null;
}

/**
 * The ledger's one question to pools, asked only when its local copy of the pool (kept from
 * `pools.events`) is missing or refuses a request (the copy may lag a change just made: read
 * your writes). Asked as the caller, so pools' own visibility rules apply.
 */
export interface PoolsPeer {
  /** The pool and whether `investorId` is a member; null when the pool does not exist for the caller. */
  lookup(poolId: string, investorId: string, caller: CallerIdentity): Promise<PoolsAnswer | null>;
}

export const LEDGER_POOL_LOOKUP = /* GraphQL */ `
  query LedgerPoolLookup($poolId: ID!, $investorId: ID!) {
    pool(id: $poolId) {
      id
      currency
      status
      visibility
      revision
      manager {
        id
      }
      terms {
        version
        carryBps
        hurdleBps
        hurdleCompounding
        catchUp
        managementFeeBps
        feeBasis
        feeFrequency
        feeHolidayMonths
      }
    }
    membership(poolId: $poolId, investorId: $investorId) {
      id
      commitment {
        amount
      }
    }
  }
`;

interface LookupData {
  pool: {
    id: string;
    currency: string;
    status: PoolSnapshot['status'];
    visibility: PoolSnapshot['visibility'];
    revision: number;
    manager: { id: string };
    /** Asked too: the answer replaces the local copy, terms included, when it is newer. */
    terms: PoolTermsFacts | null;
  } | null;
  membership: { id: string; commitment: { amount: string } } | null;
}

/** PoolsPeer over the platform's service client, to the pools subgraph's GraphQL endpoint. */
export function createPoolsPeer(url: string | undefined, log: Logger): PoolsPeer {
  const client = createServiceClient({ service: 'pools', url, log });
  return {
    async lookup(poolId, investorId, caller) {
      const body = await client.query<LookupData>(
        LEDGER_POOL_LOOKUP,
        { poolId, investorId },
        caller,
      );
      // The caller's own credential problems and the pool's visibility come back as they are.
      const poolError = body.errors?.find((e) => e.path?.[0] !== 'membership');
      if (poolError) throw callerFacingError(poolError, 'pools', log);
      const pool = body.data?.pool;
      if (!pool) return null;
      const membership = body.data?.membership;
      return {
        pool: {
          poolId: pool.id,
          currency: pool.currency,
          managerId: pool.manager.id,
          status: pool.status,
          visibility: pool.visibility,
          revision: pool.revision,
          terms: pool.terms,
          // Open already when asked: no later than now (an earlier event time wins).
          openedAt: pool.status === 'DRAFT' ? null : new Date(),
        },
        // A membership the caller may not read is, for this caller, not one they can act on.
        isMember: !!membership,
        commitmentMinor: membership
          ? parseAmount(membership.commitment.amount, pool.currency, { field: 'commitment' })
          : null,
      };
    },
  };
}
