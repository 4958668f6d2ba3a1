import { formatAmount, formatMoneyText, splitProRata } from '@poolgraph/money';
import { badUserInput, conflict, graphQLError, ErrorCode } from '@poolgraph/platform';
import {
  unfundedCommitment,
  contributedCapital,
  spendableCapital,
  spendableCash,
  type PlannedTransaction,
  type PoolBooks,
} from './poolBooks.ts';
import type { PostingRequest } from './movement.ts';
import { planWaterfall } from '../waterfall/poolWaterfall.ts';

/**
 * The transactions a movement makes, decided on the locked books (each throws, e.g.
 * INSUFFICIENT_FUNDS, to refuse): money in capped by the unfunded commitment where the movement
 * says so; a movement with `expiresAt` makes PENDING transactions that hold their money until
 * they are settled (or voided at that time).
 */
export function planMovement(books: PoolBooks, request: PostingRequest): PlannedTransaction[] {
  const { investorId, amountMinor: amount } = request;
  if (request.requires?.capped) requireUnfundedCommitment(books, investorId, amount);
  const planned =
    request.moves === 'CONTRIBUTION'
      ? planContribution(investorId, amount)
      : request.moves === 'WITHDRAWAL'
        ? planWithdrawal(books, investorId, amount)
        : request.moves === 'DISTRIBUTION'
          ? planDistribution(books, amount)
          : request.moves === 'PROCEEDS'
            ? planProceeds(books, amount)
            : planFee(books, amount);
  const { expiresAt } = request;
  return expiresAt ? planned.map((t) => ({ ...t, phase: 'PENDING', expiresAt })) : planned;
}

export const insufficientFunds = (message: string) =>
  graphQLError(ErrorCode.INSUFFICIENT_FUNDS, message);

/**
 * A member's money in is capped by what is unfunded of their commitment, pending contributions
 * included, so neither a member nor their long-lived pending transfers can go past it. Going
 * further is the manager's explicit decision: they raise the commitment first (pools'
 * raiseCommitment).
 */
export function requireUnfundedCommitment(
  books: PoolBooks,
  investorId: string,
  amount: bigint,
): void {
  const commitment = books.commitments.get(investorId);
  if (commitment === undefined || commitment === null) {
    throw conflict("The ledger has not heard this member's commitment yet; try again shortly.");
  }
  const left = unfundedCommitment(commitment, books.investors.get(investorId));
  if (amount <= left) return;
  const show = (minor: bigint) => formatMoneyText(minor, books.pool.currency);
  throw badUserInput(
    'amount',
    `is more than the unfunded commitment: ${show(left)} is left of the commitment of ${show(commitment)} (contributions and pending ones count). The pool's manager can raise the commitment.`,
    { remainingCommitment: formatAmount(left, books.pool.currency) },
  );
}

/** Money in: the pool's cash is debited, the investor's capital credited. */
export function planContribution(investorId: string, amount: bigint): PlannedTransaction[] {
  return [
    {
      type: 'CONTRIBUTION',
      investorId,
      amount,
      legs: [
        { investorId: null, amount },
        { investorId, amount: -amount },
      ],
    },
  ];
}

export function requireCash(books: PoolBooks, amount: bigint, what: string): void {
  // Cash reserved by pending payouts is not spendable.
  if (spendableCash(books) < amount) {
    throw insufficientFunds(`The pool's cash does not cover this ${what}.`);
  }
}

/** Capital back out: bounded by the investor's capital account and the pool's cash. */
export function planWithdrawal(
  books: PoolBooks,
  investorId: string,
  amount: bigint,
): PlannedTransaction[] {
  if (spendableCapital(books.investors.get(investorId)) < amount)
    throw insufficientFunds('The amount is more than your capital in this pool.');
  requireCash(books, amount, 'withdrawal');
  return [
    {
      type: 'WITHDRAWAL',
      investorId,
      amount,
      legs: [
        { investorId: null, amount: -amount },
        { investorId, amount },
      ],
    },
  ];
}

/**
 * Splits `amount` over the pool's current members by net contributed capital with the largest-remainder
 * method. Investors are ordered by id, so ties in the remainder go to the lower id; investors
 * whose share is zero are left out.
 */
export function proRataShares(
  books: PoolBooks,
  amount: bigint,
): Array<{ investorId: string; share: bigint }> {
  const investors = [...books.investors.values()]
    .filter((account) => books.members.has(account.investorId) && contributedCapital(account) > 0n)
    .sort((a, b) => (a.investorId < b.investorId ? -1 : 1));
  if (investors.length === 0) throw insufficientFunds('No member has capital in this pool.');
  const parts = splitProRata(amount, investors.map(contributedCapital));
  return investors
    .map((account, n) => ({ investorId: account.investorId, share: parts[n]! }))
    .filter((part) => part.share > 0n);
}

const hasCapital = (books: PoolBooks) =>
  [...books.investors.values()].some(
    (account) => books.members.has(account.investorId) && contributedCapital(account) > 0n,
  );

/**
 * One DISTRIBUTION per member paid: cash credited, the member's capital debited. In a pool whose
 * terms carry interest the waterfall decides the shares (plus the manager's carry); otherwise
 * they are pro rata, exactly as for every pool before terms existed.
 */
export function planDistribution(books: PoolBooks, amount: bigint): PlannedTransaction[] {
  requireCash(books, amount, 'distribution');
  if (books.waterfall) {
    if (!hasCapital(books)) throw insufficientFunds('No member has capital in this pool.');
    return planWaterfall(books, books.waterfall, amount);
  }
  return proRataShares(books, amount).map(({ investorId, share }) => ({
    type: 'DISTRIBUTION' as const,
    investorId,
    amount: share,
    legs: [
      { investorId: null, amount: -share },
      { investorId, amount: share },
    ],
  }));
}

/** One FEE for the pool: cash credited, each member's capital debited by their share. */
export function planFee(books: PoolBooks, amount: bigint): PlannedTransaction[] {
  requireCash(books, amount, 'fee');
  return [
    {
      type: 'FEE',
      investorId: null,
      amount,
      legs: [
        { investorId: null, amount: -amount },
        ...proRataShares(books, amount).map(({ investorId, share }) => ({
          investorId,
          amount: share,
        })),
      ],
    },
  ];
}

/**
 * Money the pool received back from its holdings: the pool's cash debited, each current member's
 * capital account credited with their share, pro rata to net contributed capital exactly as a
 * fee is borne (largest remainder, ties to the lower investor id). It adds cash and moves
 * nothing out, so no cash check; a pool without members' capital has nobody to credit.
 */
export function planProceeds(books: PoolBooks, amount: bigint): PlannedTransaction[] {
  if (!hasCapital(books)) {
    throw conflict(
      'No member has capital in this pool: proceeds are credited to members by their capital.',
    );
  }
  return [
    {
      type: 'PROCEEDS',
      investorId: null,
      amount,
      legs: [
        { investorId: null, amount },
        ...proRataShares(books, amount).map(({ investorId, share }) => ({
          investorId,
          amount: -share,
        })),
      ],
    },
  ];
}
