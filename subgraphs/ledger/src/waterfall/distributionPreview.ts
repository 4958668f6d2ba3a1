import { requireRole, type Viewer } from '@poolgraph/auth';
import { parseAmount } from '@poolgraph/money';
import { selectInvestorAccountsOfPool } from '../data/investorAccounts.ts';
import { selectPoolAccountsByIds, type PoolAccountRow } from '../data/poolAccounts.ts';
import { selectCurrentMemberIds } from '../data/poolMembers.ts';
import { checkPoolId, checkTransactionAmount } from '../movements/inputs.ts';
import { checkMovement, type Requirements } from '../movements/movement.ts';
import { contributedCapital, type PoolBooks } from '../movements/poolBooks.ts';
import { checkedView, type PoolFactsDeps } from '../movements/poolView.ts';
import { insufficientFunds, proRataShares, requireCash } from '../movements/plans.ts';
import { hasCarry, readWaterfallBooks, waterfallInput } from './poolWaterfall.ts';
import { runWaterfall } from './waterfall.ts';

/** One member's part of a previewed distribution, by tier (pro rata: all in profitShare). */
export interface PreviewMemberValue {
  investorId: string;
  currency: string;
  capital: bigint;
  returnOfCapital: bigint;
  preferredReturn: bigint;
  profitShare: bigint;
  /** Their part of the carry, debited to their capital (0 without a waterfall). */
  carryBorne: bigint;
  total: bigint;
}

/** What `distribute` would pay now, without paying it. */
export interface DistributionPreviewValue {
  poolId: string;
  currency: string;
  amount: bigint;
  waterfall: boolean;
  termsVersion: number | null;
  members: PreviewMemberValue[];
  catchUp: bigint;
  carriedInterest: bigint;
  carryRecipientId: string | null;
}

const emptyCash = (poolId: string, currency: string, managerId: string): PoolAccountRow => ({
  poolId,
  currency,
  managerId,
  cashBalance: 0n,
  totalContributed: 0n,
  totalDistributed: 0n,
  totalFees: 0n,
  totalWithdrawn: 0n,
  totalProceeds: 0n,
  pendingIn: 0n,
  pendingOut: 0n,
  createdAt: new Date(),
});

/**
 * previewDistribution: the split `distribute` would make of `amount` now, tier by tier, under
 * the same rules (the pool's manager or an admin, pool OPEN or CLOSED, the amount parsed in the
 * pool's currency and within its spendable cash) and the same planning code, read from one
 * consistent snapshot without locks or writes. A distribution made later may differ if money
 * moves in between or the preferred return accrues another day.
 */
export async function previewDistribution(
  deps: PoolFactsDeps,
  viewer: Viewer | null,
  args: { poolId: string; amount: string },
): Promise<DistributionPreviewValue> {
  const actor = requireRole(viewer, 'MANAGER', 'ADMIN');
  const poolId = checkPoolId(args.poolId);
  const requires: Requirements = {
    actor,
    by: 'manager',
    member: false,
    statuses: ['OPEN', 'CLOSED'],
    capped: false,
  };
  const { facts } = await checkedView(deps, poolId, actor.userId, (view) =>
    checkMovement({ operation: 'previewDistribution', requires }, view),
  );
  const { currency, managerId } = facts!;
  const amount = parseAmount(args.amount, currency, { field: 'amount' });
  checkTransactionAmount(amount, currency);
  return deps.db.transaction(async (tx) => {
    const [cash] = await selectPoolAccountsByIds(tx, [poolId]);
    const accounts = await selectInvestorAccountsOfPool(tx, poolId);
    const books: PoolBooks = {
      pool: cash ?? emptyCash(poolId, currency, managerId),
      investors: new Map(accounts.map((a) => [a.investorId, a])),
      members: await selectCurrentMemberIds(tx, poolId),
      commitments: new Map(),
    };
    requireCash(books, amount, 'distribution');
    const capitalOf = (investorId: string) => {
      const account = books.investors.get(investorId);
      return account ? contributedCapital(account) : 0n;
    };
    const base = { poolId, currency, amount, termsVersion: facts!.termsVersion };
    if (!hasCarry(facts)) {
      const members = proRataShares(books, amount).map(({ investorId, share }) => ({
        investorId,
        currency,
        capital: capitalOf(investorId),
        returnOfCapital: 0n,
        preferredReturn: 0n,
        profitShare: share,
        carryBorne: 0n,
        total: share,
      }));
      const none = { catchUp: 0n, carriedInterest: 0n, carryRecipientId: null };
      return { ...base, waterfall: false, members, ...none };
    }
    const waterfall = await readWaterfallBooks(tx, facts, new Date());
    const input = waterfallInput(books, waterfall, amount);
    if (input.members.length === 0) throw insufficientFunds('No member has capital in this pool.');
    const result = runWaterfall(input);
    const borne = new Map(result.carryBorne.map((b) => [b.investorId, b.amount]));
    return {
      ...base,
      waterfall: true,
      members: result.members
        .filter((m) => m.total > 0n || (borne.get(m.investorId) ?? 0n) > 0n)
        .map((m) => ({
          ...m,
          currency,
          capital: capitalOf(m.investorId),
          carryBorne: borne.get(m.investorId) ?? 0n,
        })),
      catchUp: result.catchUp,
      carriedInterest: result.carriedInterest,
      carryRecipientId: waterfall.managerId,
    };
  });
}
