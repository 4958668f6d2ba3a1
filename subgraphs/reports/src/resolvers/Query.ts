import { requireRole } from '@poolgraph/auth';
import { isSupportedCurrency } from '@poolgraph/money';
import { badUserInput } from '@poolgraph/platform';
import type { QueryResolvers } from '../__generated__/resolvers.ts';
import { selectTopInvestors } from '../data/contributions.ts';

export const DEFAULT_TOP_INVESTORS = 5;
export const MAX_TOP_INVESTORS = 100;

export const Query: QueryResolvers = {
  /**
   * ADMIN and PARTNER: a ranking across all investors is platform-wide data, for operators and
   * partner integrations, not for managers or investors (who would see other people's money).
   */
  topInvestors: async (_parent, args, { viewer, db }) => {
    requireRole(viewer, 'ADMIN', 'PARTNER');
    // An explicit null means "the default", like an omitted argument.
    const limit = args.limit ?? DEFAULT_TOP_INVESTORS;
    const currency = args.currency ?? 'USD';
    if (limit < 1 || limit > MAX_TOP_INVESTORS) {
      throw badUserInput('limit', `must be between 1 and ${MAX_TOP_INVESTORS}, got ${limit}.`);
    }
    if (!isSupportedCurrency(currency)) {
      throw badUserInput(
        'currency',
        `"${currency}" is not a supported ISO 4217 code such as "USD".`,
      );
    }
    const from = args.from ?? undefined;
    const to = args.to ?? undefined;
    if (from && to && to.getTime() <= from.getTime()) {
      throw badUserInput('to', 'must be later than from (from is inclusive, to exclusive).');
    }
    return selectTopInvestors(db, { currency, limit, from, to });
  },
};
