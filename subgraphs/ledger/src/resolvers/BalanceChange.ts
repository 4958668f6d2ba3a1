import { money } from '@poolgraph/money';
import type { BalanceChangeResolvers } from '../__generated__/resolvers.ts';

export const BalanceChange: BalanceChangeResolvers = {
  pool: ({ event }) => ({ id: event.payload.poolId }),
  investor: ({ event }) => (event.payload.investorId ? { id: event.payload.investorId } : null),
  transaction: ({ transaction }) => transaction,
  cashBalance: ({ event }) => money(BigInt(event.payload.cashBalanceMinor), event.payload.currency),
  pendingContributions: ({ event }) =>
    money(BigInt(event.payload.pendingInMinor ?? '0'), event.payload.currency),
  status: ({ transaction }) => transaction.status,
};
