import { connectMysql } from '@poolgraph/platform';
import { expectData, graphql } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertPoolFacts } from '../src/data/poolFacts.ts';
import { schema } from '../src/db/index.ts';
import { TOP_INVESTORS, applyToReports, type Ranking } from './fixtures.ts';
import { oracleTop, randomContributions } from './oracle.ts';

const SEED = 20260101;
const { rows, pools } = randomContributions(SEED, 3000);
const iso = (s: string) => new Date(s);
const WINDOWS: Array<{ from?: Date; to?: Date }> = [
  {},
  { from: iso('2025-01-01T00:00:00Z'), to: iso('2026-01-01T00:00:00Z') },
  { from: iso('2025-03-01T00:00:00Z'), to: iso('2025-04-01T00:00:00Z') },
  { from: iso('2024-11-15T10:00:00Z'), to: iso('2025-07-03T05:00:00Z') },
  { from: iso('2025-02-10T00:00:00Z'), to: iso('2025-02-20T00:00:00Z') },
  { from: iso('2024-03-05T00:00:00Z'), to: iso('2026-02-01T00:00:00Z') },
  { from: iso('2025-03-01T00:00:00Z') },
  { to: iso('2025-03-01T00:00:00Z') },
  { from: iso('2024-12-31T23:59:59.999Z'), to: iso('2025-01-01T00:00:00.001Z') },
];

describe('topInvestors against a brute-force oracle', () => {
  let stack: Stack;
  let admin: TestUser;
  let manager: TestUser;
  const managed = pools.slice(0, 5).map((p) => p.id);

  beforeAll(async () => {
    stack = await startStack();
    [admin, manager] = await Promise.all([stack.admin(), stack.signUp('MANAGER')]);
    // Uneven batches, and a redelivered slice: detection of "a new pool" must not depend on them.
    await applyToReports(stack, rows.slice(0, 1000), 137);
    await applyToReports(stack, rows.slice(500), 401);
    const mysql = connectMysql({ url: stack.databases.reports!.url }, schema);
    try {
      await upsertPoolFacts(
        mysql.db,
        pools.map((pool, i) => ({
          payload: {
            poolId: pool.id,
            revision: 1,
            name: `Pool ${i}`,
            currency: pool.currency,
            managerId: managed.includes(pool.id) ? manager.userId : admin.userId,
            status: 'OPEN',
            targetMinor: null,
            committedMinor: '0',
            calledMinor: '0',
            memberCount: 0,
          },
          occurredAt: new Date(),
        })),
      );
    } finally {
      await mysql.close();
    }
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const top = async (user: TestUser, variables: Record<string, unknown>) =>
    expectData(
      await graphql<{ topInvestors: Ranking[] }>(stack.gatewayUrl, TOP_INVESTORS, variables, user),
    ).topInvestors.map((r) => [r.investor.id, r.uniquePools, r.totalInvested.amount]);
  const expected = (result: Array<[string, number, bigint]>, currency: string) =>
    result.map(([id, n, total]) => [
      id,
      n,
      currency === 'JPY' ? total.toString() : (Number(total) / 100).toFixed(2),
    ]);

  it('equals the oracle for every currency, all time and over ranges, ties included', async () => {
    let ties = 0;
    for (const currency of ['USD', 'EUR', 'JPY']) {
      for (const window of WINDOWS) {
        const want = oracleTop(rows, { currency, limit: 100, ...window });
        for (let i = 1; i < want.length; i++) {
          if (want[i]![1] === want[i - 1]![1] && want[i]![2] === want[i - 1]![2]) ties++;
        }
        const got = await top(admin, {
          currency,
          limit: 100,
          from: window.from?.toISOString(),
          to: window.to?.toISOString(),
        });
        expect(got, `${currency} ${JSON.stringify(window)}`).toEqual(expected(want, currency));
      }
    }
    // The dataset is only a good test if it has ties broken by investor id.
    expect(ties).toBeGreaterThan(10);
  });

  it('restricts a manager to the pools they manage, with the same ordering', async () => {
    for (const window of WINDOWS) {
      const want = oracleTop(rows, { currency: 'USD', limit: 20, pools: managed, ...window });
      const got = await top(manager, {
        currency: 'USD',
        limit: 20,
        from: window.from?.toISOString(),
        to: window.to?.toISOString(),
      });
      expect(got, JSON.stringify(window)).toEqual(expected(want, 'USD'));
    }
  });
});
