import { GraphQLError } from 'graphql';
import { parseAmount } from '@poolgraph/money';
import { ErrorCode, graphQLError, type Logger } from '@poolgraph/platform';
import type { PoolFactsRow } from '../data/poolFacts.ts';

/** The caller's credentials: pools applies its own visibility rules to them. */
export interface Caller {
  authorization: string | undefined;
  requestId: string;
}

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
  data?: {
    pool: {
      id: string;
      name: string;
      currency: string;
      status: string;
      targetAmount: { amount: string } | null;
      manager: { id: string };
    } | null;
  } | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

const unavailable = () =>
  new GraphQLError('The pools service could not be asked about this pool; try again.', {
    extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
  });

/**
 * Asked only where alerts has no facts yet for a pool (read-your-writes: a manager sets a rule
 * right after createPool, before the PoolChanged event arrived). Never on the event path.
 */
export function createPoolsPeer(url: string, log: Logger, timeoutMs = 5_000): PoolsPeer {
  return {
    async poolFacts(poolId, caller) {
      let body: Answer;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-request-id': caller.requestId,
            ...(caller.authorization ? { authorization: caller.authorization } : {}),
          },
          body: JSON.stringify({ query: POOL_FACTS_QUERY, variables: { id: poolId } }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        body = (await response.json()) as Answer;
      } catch (error) {
        log.warn({ err: error, poolId }, 'pool facts lookup failed');
        throw unavailable();
      }
      const error = body.errors?.[0];
      if (error) {
        const code = error.extensions?.code;
        if (
          code === ErrorCode.UNAUTHENTICATED ||
          code === ErrorCode.FORBIDDEN ||
          code === ErrorCode.NOT_FOUND
        ) {
          throw graphQLError(code, error.message);
        }
        log.error({ errors: body.errors, poolId }, 'pool facts lookup returned errors');
        throw unavailable();
      }
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
