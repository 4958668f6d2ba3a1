import { money } from '@poolgraph/money';
import type { PositionResolvers } from '../__generated__/resolvers.ts';

export const Position: PositionResolvers = {
  pool: (position) => ({ id: position.poolId }),
  investor: (position) => ({ id: position.investorId }),
  contributed: (p) => money(p.contributed, p.currency),
  distributed: (p) => money(p.distributed, p.currency),
  fees: (p) => money(p.fees, p.currency),
  withdrawn: (p) => money(p.withdrawn, p.currency),
  capital: (p) => money(p.capital, p.currency),
  pending: (p) => money(p.pendingIn, p.currency),
  pendingPayouts: (p) => money(p.pendingOut, p.currency),
};
