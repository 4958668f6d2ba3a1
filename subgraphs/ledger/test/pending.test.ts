import { describe, expect, it } from 'vitest';
import type { InvestorAccountRow } from '../src/data/investorAccounts.ts';
import type { PoolAccountRow } from '../src/data/poolAccounts.ts';
import { newReference, normalizeReference } from '../src/payments/bank.ts';
import type { PoolBooks } from '../src/movements/poolBooks.ts';
import { postReservation, releasePending, reservePending } from '../src/movements/reservations.ts';
import { planContribution, planDistribution } from '../src/movements/plans.ts';

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
const account = (investorId: string, contributed: bigint): InvestorAccountRow => ({
  poolId: 'p',
  investorId,
  currency: 'USD',
  capitalBalance: contributed,
  contributed,
  distributed: 0n,
  fees: 0n,
  withdrawn: 0n,
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
const later = new Date(Date.now() + 60_000);

describe('pending reservations', () => {
  it('keeps a pending contribution out of cash and capital, and posts only what arrived', () => {
    const b = books(0n, account('a', 0n));
    const [planned] = planContribution('a', 1000n).map((t) => ({
      ...t,
      phase: 'PENDING' as const,
      expiresAt: later,
    }));
    reservePending(b, planned!);
    expect([b.pool.cashBalance, b.pool.pendingIn, b.investors.get('a')!.pendingIn]).toEqual([
      0n,
      1000n,
      1000n,
    ]);
    const reservation = { type: 'CONTRIBUTION' as const, investorId: 'a', amount: 1000n };
    expect(() => postReservation(b, reservation, 1001n)).toThrow(/at most|≤/);
    expect(() => postReservation(b, reservation, 0n)).toThrow();
    postReservation(b, reservation, 600n);
    expect([b.pool.cashBalance, b.pool.pendingIn, b.pool.totalContributed]).toEqual([
      600n,
      0n,
      600n,
    ]);
    expect(b.investors.get('a')!.capitalBalance).toBe(600n);
  });

  it('holds pending payouts out of spendable cash and refuses to reserve beyond it', () => {
    const b = books(100n, account('a', 75n), account('b', 25n));
    for (const planned of planDistribution(b, 80n))
      reservePending(b, { ...planned, phase: 'PENDING' });
    expect([b.pool.cashBalance, b.pool.pendingOut]).toEqual([100n, 80n]);
    expect(() => planDistribution(b, 21n)).toThrow(/does not cover/);
    releasePending(b, { type: 'DISTRIBUTION', investorId: 'a', amount: 60n });
    expect(b.pool.pendingOut).toBe(20n);
    expect(() =>
      releasePending(b, { type: 'DISTRIBUTION', investorId: 'a', amount: 60n }),
    ).toThrow();
  });
});

describe('bank references', () => {
  it('reads a reference however it is typed, and rejects every single-character typo', () => {
    const reference = newReference();
    expect(reference).toMatch(/^PG-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]$/);
    expect(normalizeReference(reference.toLowerCase().replace(/-/g, ' '))).toBe(reference);
    const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
    const body = reference.replace(/-/g, '').slice(2);
    for (let n = 0; n < body.length; n++) {
      for (const c of alphabet) {
        if (c === body[n]) continue;
        const typo = `PG${body.slice(0, n)}${c}${body.slice(n + 1)}`;
        expect(normalizeReference(typo)).toBeNull();
      }
    }
    expect(normalizeReference('PG-1234-5678-9')).toBeNull();
  });
});
