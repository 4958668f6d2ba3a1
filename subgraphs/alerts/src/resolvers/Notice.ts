import { money } from '@poolgraph/money';
import type { NoticeResolvers } from '../__generated__/resolvers.ts';

export const Notice: NoticeResolvers = {
  pool: (notice) => ({ id: notice.poolId }),
  amount: (notice) => money(notice.amountMinor, notice.currency),
  transaction: (notice) => (notice.transactionId ? { id: notice.transactionId } : null),
};
