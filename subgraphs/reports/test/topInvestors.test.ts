import { uuidv7 } from '@poolgraph/platform';
import { expectData, graphql } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOP_INVESTORS, applyToReports, brief, contribution, type Ranking } from './fixtures.ts';

const at = (iso: string) => new Date(iso);
const pools = Array.from({ length: 4 }, () => uuidv7());
/** Two investors whose ids sort in a known order, for the final tie-break. */
const [tieLow, tieHigh] = [uuidv7(), uuidv7()].sort() as [string, string];
const investors = { three: uuidv7(), tieLow, tieHigh, twoSmall: uuidv7(), oneBig: uuidv7() };

describe('topInvestors', () => {
  let stack: Stack;
  let admin: TestUser;
  const duplicated = contribution(investors.oneBig, pools[0]!, 100_000n);

  beforeAll(async () => {
    stack = await startStack();
    admin = await stack.admin();
    const [p0, p1, p2, p3] = pools as [string, string, string, string];
    await applyToReports(stack, [
      contribution(investors.three, p0, 10_000n),
      contribution(investors.three, p1, 10_000n),
      contribution(investors.three, p2, 10_000n),
      contribution(investors.tieLow, p0, 60_000n),
      contribution(investors.tieLow, p1, 40_000n),
      contribution(investors.tieHigh, p2, 50_000n),
      contribution(investors.tieHigh, p3, 50_000n),
      contribution(investors.twoSmall, p0, 25_000n),
      contribution(investors.twoSmall, p1, 25_001n),
      // One pool twice: counts once, sums twice.
      duplicated,
      contribution(investors.oneBig, p0, 400_000n),
      // Other currencies never mix into a USD ranking.
      contribution(investors.oneBig, p1, 1_250n, { currency: 'JPY' }),
      contribution(investors.oneBig, p2, 750n, { currency: 'JPY' }),
      contribution(investors.twoSmall, p3, 999_999n, { currency: 'EUR' }),
    ]);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const top = async (variables: Record<string, unknown> = {}) =>
    expectData(
      await graphql<{ topInvestors: Ranking[] }>(stack.gatewayUrl, TOP_INVESTORS, variables, admin),
    ).topInvestors;

  it('ranks by distinct pools, then by total invested, then by investor id', async () => {
    expect(brief(await top({ limit: 10 }))).toEqual([
      [investors.three, 3, '300.00'],
      [tieLow, 2, '1000.00'],
      [tieHigh, 2, '1000.00'],
      [investors.twoSmall, 2, '500.01'],
      [investors.oneBig, 1, '5000.00'],
    ]);
  });

  it('returns five by default, in USD', async () => {
    const rankings = await top();
    expect(rankings).toHaveLength(5);
    expect(rankings.every((r) => r.totalInvested.currency === 'USD')).toBe(true);
    expect(brief(await top({ limit: 2 })).map(([id]) => id)).toEqual([investors.three, tieLow]);
  });

  it('ranks one currency at a time, with its own decimals', async () => {
    const jpy = await top({ currency: 'JPY' });
    expect(jpy).toEqual([
      {
        investor: { id: investors.oneBig },
        uniquePools: 2,
        totalInvested: { amount: '2000', currency: 'JPY' },
      },
    ]);
    expect(brief(await top({ currency: 'EUR' }))).toEqual([[investors.twoSmall, 1, '9999.99']]);
    expect(await top({ currency: 'CHF' })).toEqual([]);
  });

  it('counts from inclusive and to exclusive, on the transaction time', async () => {
    const windowed = uuidv7();
    const from = '2026-03-01T00:00:00.000Z';
    const to = '2026-04-01T00:00:00.000Z';
    await applyToReports(stack, [
      contribution(windowed, pools[0]!, 100n, {
        currency: 'GBP',
        occurredAt: at('2026-02-28T23:59:59.999Z'),
      }),
      contribution(windowed, pools[1]!, 200n, { currency: 'GBP', occurredAt: at(from) }),
      contribution(windowed, pools[2]!, 300n, {
        currency: 'GBP',
        occurredAt: at('2026-03-31T23:59:59.999Z'),
      }),
      contribution(windowed, pools[3]!, 400n, { currency: 'GBP', occurredAt: at(to) }),
    ]);
    expect(brief(await top({ currency: 'GBP', from, to }))).toEqual([[windowed, 2, '5.00']]);
    expect(brief(await top({ currency: 'GBP', from }))).toEqual([[windowed, 3, '9.00']]);
    expect(brief(await top({ currency: 'GBP', to }))).toEqual([[windowed, 3, '6.00']]);
    expect(brief(await top({ currency: 'GBP' }))).toEqual([[windowed, 4, '10.00']]);
  });

  it('keeps totals exact beyond 2^53 minor units', async () => {
    const whale = uuidv7();
    const huge = 9_000_000_000_000_001n;
    await applyToReports(stack, [
      contribution(whale, pools[0]!, huge, { currency: 'CHF' }),
      contribution(whale, pools[1]!, huge, { currency: 'CHF' }),
    ]);
    expect(brief(await top({ currency: 'CHF' }))).toEqual([[whale, 2, '180000000000000.02']]);
  });

  it('ignores a contribution it already has, keeping the first version', async () => {
    await applyToReports(stack, [{ ...duplicated, amountMinor: 1n, poolId: pools[3]! }]);
    expect(brief(await top({ limit: 10 })).at(-1)).toEqual([investors.oneBig, 1, '5000.00']);
  });
});
