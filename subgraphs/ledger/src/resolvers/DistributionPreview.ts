import { money } from '@poolgraph/money';
import type {
  DistributionPreviewMemberResolvers,
  DistributionPreviewResolvers,
} from '../__generated__/resolvers.ts';

/** Translation only: minor units to Money in the pool's currency. */
export const DistributionPreview: DistributionPreviewResolvers = {
  pool: (preview) => ({ id: preview.poolId }),
  amount: (p) => money(p.amount, p.currency),
  catchUp: (p) => money(p.catchUp, p.currency),
  carriedInterest: (p) => money(p.carriedInterest, p.currency),
  carry: (p) => money(p.catchUp + p.carriedInterest, p.currency),
  carryRecipient: (p) => (p.carryRecipientId ? { id: p.carryRecipientId } : null),
};

export const DistributionPreviewMember: DistributionPreviewMemberResolvers = {
  investor: (m) => ({ id: m.investorId }),
  capital: (m) => money(m.capital, m.currency),
  returnOfCapital: (m) => money(m.returnOfCapital, m.currency),
  preferredReturn: (m) => money(m.preferredReturn, m.currency),
  profitShare: (m) => money(m.profitShare, m.currency),
  carryBorne: (m) => money(m.carryBorne, m.currency),
  total: (m) => money(m.total, m.currency),
};
