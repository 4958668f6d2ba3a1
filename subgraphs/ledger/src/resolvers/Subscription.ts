import type { TransactionStepEvent } from '@poolgraph/events';
import { isUuid, notFound, resumeOf } from '@poolgraph/platform';
import type { SubscriptionResolvers } from '../__generated__/resolvers.ts';
import type { Context } from '../context.ts';
import type { TransactionRow } from '../data/transactions.ts';
import { asOfStep } from '../subscriptions/transactionCache.ts';
import { authorizeWatch } from '../subscriptions/watch.ts';

/**
 * Authorizes the caller, then follows the pool's events on the stream tail through the
 * caller's own filter. A subscribe message with `extensions.resumeAfter` (the gateway, after
 * losing its socket) first gets what it missed, through the same filter and mapping; the tail
 * puts each event's cursor on its result.
 */
async function watchPool<R extends object>(
  poolId: string,
  context: Context,
  map: (event: TransactionStepEvent, transaction: TransactionRow) => R,
): Promise<AsyncIterableIterator<R>> {
  if (!isUuid(poolId)) throw notFound('The pool');
  const keep = await authorizeWatch(context, poolId);
  return context.poolEvents.subscribe(poolId, {
    ...resumeOf(context),
    keep,
    map: async (event) => {
      const transaction = await context.postedTransactions.load(event.payload.transactionId);
      if (!transaction) throw notFound('The transaction');
      return map(event, asOfStep(event, transaction));
    },
  });
}

export const Subscription: SubscriptionResolvers = {
  balanceChanged: {
    subscribe: (_root, { poolId }, context) =>
      watchPool(poolId, context, (event, transaction) => ({
        balanceChanged: { event, transaction },
      })),
  },
  transactionPosted: {
    subscribe: (_root, { poolId }, context) =>
      watchPool(poolId, context, (_event, transaction) => ({ transactionPosted: transaction })),
  },
};
