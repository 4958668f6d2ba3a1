import { money } from '@poolgraph/money';
import type { ValuationResolvers } from '../__generated__/resolvers.ts';

export const Valuation: ValuationResolvers = {
  id: (v) => v.id,
  pool: (v) => ({ id: v.poolId }),
  date: (v) => v.date,
  value: (v) => money(v.valueMinor, v.currency),
  note: (v) => v.note,
  recordedBy: (v) => ({ id: v.recordedBy }),
  recordedAt: (v) => v.recordedAt,
};
