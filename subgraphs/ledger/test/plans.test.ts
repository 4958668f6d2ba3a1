import { describe, expect, it } from 'vitest';
import type { PoolAccountRow } from '../src/data/poolAccounts.ts';
import type { InvestorAccountRow } from '../src/data/investorAccounts.ts';
import { applyToBooks, type PoolBooks } from '../src/movements/poolBooks.ts';
import {
  planContribution,
  planDistribution,
  planFee,
  planWithdrawal,
} from '../src/movements/plans.ts';

const pool = (cash: bigint): PoolAccountRow => ({
  poolId: 'p',
  currency: 'USD',
  managerId: 'm',
  cashBalance: cash,
  totalContributed: cash,
  totalDistributed: 0n,
  totalFees: 0n,
  totalWithdrawn: 0n,
  totalProceeds: 0n,
  pendingIn: 0n,
  pendingOut: 0n,
  createdAt: new Date(),
});
const account = (investorId: string, contributed: bigint, withdrawn = 0n): InvestorAccountRow => ({
  poolId: 'p',
  investorId,
  currency: 'USD',
  capitalBalance: contributed - withdrawn,
  contributed,
  distributed: 0n,
  fees: 0n,
  withdrawn,
  proceeds: 0n,
  carryBorne: 0n,
  pendingIn: 0n,
  pendingOut: 0n,
  createdAt: new Date(),
});
const books = (cash: bigint, ...accounts: InvestorAccountRow[]): PoolBooks => ({
  pool: pool(cash),
  investors: new Map(accounts.map((a) => [a.investorId, a])),
  members: new Set(accounts.map((a) => a.investorId)),
  commitments: new Map(),
});
const sumOfLegs = (legs: Array<{ amount: bigint }>) => legs.reduce((s, l) => s + l.amount, 0n);

describe('plans', () => {
  it('balance every transaction they plan', () => {
    const b = books(30_000n, account('a', 10_000n), account('b', 20_000n));
    for (const planned of [
      ...planContribution('a', 500n),
      ...planWithdrawal(b, 'a', 500n),
      ...planDistribution(b, 1_001n),
      ...planFee(b, 999n),
    ]) {
      expect(sumOfLegs(planned.legs)).toBe(0n);
    }
  });

  it('split a distribution by net contributed capital, the leftover cent to the larger remainder', () => {
    const b = books(
      10_000n,
      account('a', 1_000n),
      account('b', 2_000n, 1_000n),
      account('c', 1_000n),
    );
    const amounts = planDistribution(b, 100n).map((t) => [t.investorId, t.amount]);
    expect(amounts).toEqual([
      ['a', 34n],
      ['b', 33n],
      ['c', 33n],
    ]);
  });

  it('leave out members without capital and members whose share rounds to zero', () => {
    const b = books(10_000n, account('a', 9_999n), account('b', 1n), account('c', 5n, 5n));
    expect(planDistribution(b, 10n).map((t) => t.investorId)).toEqual(['a']);
  });

  it('refuse more than the cash, and a withdrawal beyond the capital account', () => {
    const b = books(1_000n, account('a', 600n), account('b', 400n));
    expect(() => planFee(b, 1_001n)).toThrow(/cash/);
    expect(() => planDistribution(b, 1_001n)).toThrow(/cash/);
    expect(() => planWithdrawal(b, 'b', 401n)).toThrow(/capital/);
  });
});

describe('applyToBooks', () => {
  it('moves cash with debits, capital with credits, and counts each type', () => {
    const b = books(1_000n, account('a', 600n), account('b', 400n));
    for (const planned of planFee(b, 10n)) applyToBooks(b, planned);
    expect(b.pool.cashBalance).toBe(990n);
    expect(b.pool.totalFees).toBe(10n);
    expect(b.investors.get('a')).toMatchObject({ fees: 6n, capitalBalance: 594n });
    expect(b.investors.get('b')).toMatchObject({ fees: 4n, capitalBalance: 396n });
  });

  it('changes nothing when a leg names an account that is not locked', () => {
    const b = books(1_000n, account('a', 1_000n));
    expect(() => applyToBooks(b, planContribution('stranger', 5n)[0]!)).toThrow(/not locked/);
    expect(b.pool.cashBalance).toBe(1_000n);
  });
});
