import { requireRole, type Viewer } from '@poolgraph/auth';
import { checkPoolId } from '../movements/inputs.ts';
import { checkMovement, type Requirements } from '../movements/movement.ts';
import { contributedCapital } from '../movements/poolBooks.ts';
import { checkedView, type PoolFactsDeps } from '../movements/poolView.ts';
import { proRataShares } from '../movements/plans.ts';
import { nextPeriod, readFeeBooks } from './feeBooks.ts';
import { periodFee, type FeePeriod } from './schedule.ts';

/** The next management fee charge of a pool, as the fee schedule would post it now. */
export interface FeePreviewValue {
  poolId: string;
  currency: string;
  termsVersion: number | null;
  period: FeePeriod;
  overdue: boolean;
  frequency: string;
  basis: string;
  rateBps: number;
  basisMinor: bigint;
  amount: bigint;
  shares: FeeShareValue[];
}

export interface FeeShareValue {
  investorId: string;
  currency: string;
  share: bigint;
}

/**
 * managementFeePreview: the pool's next charge (the oldest due period not charged yet, or the
 * next to come), its amount on today's basis and each member's share, split as the charge will
 * be (chargeFee's pro rata). The pool's manager or an admin; null for a pool without a
 * management fee, not open yet, or whose ONCE fee was charged.
 */
export async function previewManagementFee(
  deps: PoolFactsDeps,
  viewer: Viewer | null,
  args: { poolId: string },
): Promise<FeePreviewValue | null> {
  const actor = requireRole(viewer, 'MANAGER', 'ADMIN');
  const poolId = checkPoolId(args.poolId);
  const requires: Requirements = {
    actor,
    by: 'manager',
    member: false,
    statuses: ['DRAFT', 'OPEN', 'CLOSED', 'ARCHIVED'],
    capped: false,
  };
  const { facts } = await checkedView(deps, poolId, actor.userId, (view) =>
    checkMovement({ operation: 'managementFeePreview', requires }, view),
  );
  if (!facts || facts.managementFeeBps <= 0) return null;
  if (facts.status !== 'OPEN' && facts.status !== 'CLOSED') return null;
  return deps.db.transaction(async (tx) => {
    const next = await nextPeriod(tx, facts, new Date());
    if (!next) return null;
    const { books, basisMinor } = await readFeeBooks(tx, facts);
    const amount = periodFee(basisMinor, facts.managementFeeBps, facts.feeFrequency);
    const withCapital = [...books.investors.values()].some(
      (a) => books.members.has(a.investorId) && contributedCapital(a) > 0n,
    );
    return {
      poolId,
      currency: facts.currency,
      termsVersion: facts.termsVersion,
      ...next,
      frequency: facts.feeFrequency,
      basis: facts.feeBasis,
      rateBps: facts.managementFeeBps,
      basisMinor,
      amount,
      shares:
        amount > 0n && withCapital
          ? proRataShares(books, amount).map((s) => ({ ...s, currency: facts.currency }))
          : [],
    };
  });
}
