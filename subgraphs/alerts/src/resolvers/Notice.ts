import { money } from '@poolgraph/money';
import type { NoticeResolvers } from '../__generated__/resolvers.ts';

export const Notice: NoticeResolvers = {
  pool: (notice) => ({ id: notice.poolId }),
  amount: (notice) => money(notice.amountMinor, notice.currency),
  transaction: (notice) => (notice.transactionId ? { id: notice.transactionId } : null),
  tiers: (notice) =>
    notice.returnOfCapitalMinor === null ||
    notice.preferredReturnMinor === null ||
    notice.profitShareMinor === null
      ? null
      : {
          returnOfCapital: money(notice.returnOfCapitalMinor, notice.currency),
          preferredReturn: money(notice.preferredReturnMinor, notice.currency),
          profitShare: money(notice.profitShareMinor, notice.currency),
        },
  fee: (notice) => (notice.kind === 'FEE' ? money(notice.amountMinor, notice.currency) : null),
  feePeriod: (notice) =>
    notice.feePeriodStart ? { start: notice.feePeriodStart, end: notice.feePeriodEnd } : null,
  carryBorne: (notice) =>
    notice.kind === 'CARRY' ? money(notice.amountMinor, notice.currency) : null,
};
