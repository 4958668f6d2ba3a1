import { parseAmount } from '@poolgraph/money';
import {
  callerFacingError,
  createServiceClient,
  type CallerIdentity,
  type Logger,
} from '@poolgraph/platform';
import type { PoolFactsRow } from '../data/poolFacts.ts';

/** The caller's credentials: pools applies its own visibility rules to them. */
export type Caller = CallerIdentity;

export interface PoolsPeer {
  /** The pool as the caller may see it; null when pools says it does not exist for them. */
  poolFacts(poolId: string, caller: Caller): Promise<Omit<PoolFactsRow, 'revision'> | null>;
}

const POOL_FACTS_QUERY = /* GraphQL */ `
  query AlertsPoolFacts($id: ID!) {
    pool(id: $id) {
      id
      name
      currency
      status
      targetAmount {
        amount
      }
      manager {
        id
      }
    }
  }
`;

interface Answer {
  pool: {
    id: string;
    name: string;
    currency: string;
    status: string;
    targetAmount: { amount: string } | null;
    manager: { id: string };
  } | null;
}

/**
 * Asked only where alerts has no facts yet for a pool (read-your-writes: a manager sets a rule
 * right after createPool, before the PoolChanged event arrived). Never on the event path.
 */
export function createPoolsPeer(url: string, log: Logger): PoolsPeer {
  const client = createServiceClient({ service: 'pools', url, log });
  return {
    async poolFacts(poolId, caller) {
      const body = await client.query<Answer>(POOL_FACTS_QUERY, { id: poolId }, caller);
      const error = body.errors?.[0];
      if (error) throw callerFacingError(error, 'pools', log);
      const pool = body.data?.pool;
      if (!pool) return null;
      return {
        poolId: pool.id,
        name: pool.name,
        currency: pool.currency,
        status: pool.status,
        managerId: pool.manager.id,
        targetMinor: pool.targetAmount
          ? parseAmount(pool.targetAmount.amount, pool.currency, {
              field: 'targetAmount',
              allowZero: true,
            })
          : null,
      };
    },
  };
}
