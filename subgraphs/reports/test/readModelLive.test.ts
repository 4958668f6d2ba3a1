import { connectMysql, uuidv7 } from '@poolgraph/platform';
import { eventually } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectPoolFactsByIds, upsertPoolFacts } from '../src/data/poolFacts.ts';
import { schema } from '../src/db/index.ts';
import { TOP_INVESTORS, type Ranking } from './fixtures.ts';
import {
  PERFORMANCE,
  POSITION,
  STATEMENT,
  contribute,
  gql,
  openPool,
  poolMutation,
  type StatementLine,
} from './live.ts';

interface Position {
  contributed: { amount: string };
  distributed: { amount: string };
  fees: { amount: string };
  withdrawn: { amount: string };
  capital: { amount: string };
}

describe('read models fed by the ledger through the gateway', () => {
  let stack: Stack;
  let admin: TestUser;
  let pool: Awaited<ReturnType<typeof openPool>>;

  beforeAll(async () => {
    stack = await startStack();
    admin = await stack.admin();
    pool = await openPool(stack, 3);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('shows a contribution posted through the gateway in topInvestors within a second', async () => {
    const [first] = pool.members;
    await contribute(stack, pool.poolId, first!, '250.00');
    const posted = Date.now();
    const ranking = await eventually(async () => {
      const { topInvestors } = await gql<{ topInvestors: Ranking[] }>(
        stack,
        TOP_INVESTORS,
        { limit: 10 },
        admin,
      );
      expect(topInvestors.map((r) => r.investor.id)).toContain(first!.userId);
      return topInvestors;
    }, 1_000);
    expect(Date.now() - posted).toBeLessThan(1_000);
    expect(ranking.find((r) => r.investor.id === first!.userId)).toMatchObject({
      uniquePools: 1,
      totalInvested: { amount: '250.00', currency: 'USD' },
    });
  });

  it('reports the newest applied transaction time and no lag once caught up', async () => {
    const freshness = await eventually(async () => {
      const { reportsFreshness } = await gql<{
        reportsFreshness: { lastEventAt: string | null; lagSeconds: number };
      }>(stack, '{ reportsFreshness { lastEventAt lagSeconds } }', {}, pool.members[1]);
      expect(reportsFreshness.lagSeconds).toBe(0);
      return reportsFreshness;
    });
    expect(Date.now() - Date.parse(freshness.lastEventAt!)).toBeLessThan(60_000);
    const metrics = await (await fetch(`${stack.urls.reports}/metrics`)).text();
    expect(metrics).toMatch(/reports_read_model_lag_seconds\{[^}]*\} 0/);
  });

  it('reconciles every statement line with the ledger position, fees included', async () => {
    const [a, b, c] = pool.members as [TestUser, TestUser, TestUser];
    await contribute(stack, pool.poolId, b, '100.00');
    await contribute(stack, pool.poolId, c, '33.33');
    await poolMutation(stack, 'distribute', pool.poolId, pool.manager, '40.00');
    await poolMutation(stack, 'chargeFee', pool.poolId, pool.manager, '10.01');
    await poolMutation(stack, 'withdraw', pool.poolId, b, '5.00');
    for (const investor of [a, b, c]) {
      const { position } = await gql<{ position: Position }>(
        stack,
        POSITION,
        { p: pool.poolId, i: investor.userId },
        admin,
      );
      await eventually(async () => {
        const { investorStatement } = await gql<{
          investorStatement: { lines: StatementLine[]; csv: string };
        }>(stack, STATEMENT, { i: investor.userId }, investor);
        const [line] = investorStatement.lines;
        expect(line).toMatchObject({
          pool: { id: pool.poolId },
          openingBalance: { amount: '0.00', currency: 'USD' },
          contributions: position.contributed,
          distributions: position.distributed,
          fees: position.fees,
          withdrawals: position.withdrawn,
          closingBalance: position.capital,
        });
        expect(investorStatement.csv.split('\r\n')[1]).toBe(
          [
            `"${pool.poolId}"`,
            '"Reports test pool"',
            '"USD"',
            '0.00',
            position.contributed.amount,
            position.distributed.amount,
            position.fees.amount,
            position.withdrawn.amount,
            position.capital.amount,
            // proceeds and carry (appended later): none in this pool.
            '0.00',
            '0.00',
            // distributions by tier (appended last): a pool without carry pays pro rata only;
            // no valuation, so no NAV share or date.
            '0.00',
            '0.00',
            '0.00',
            position.distributed.amount,
            '""',
            '""',
          ].join(','),
        );
      });
    }
  });

  it('splits a statement at from into an opening balance and the window', async () => {
    const [a] = pool.members as [TestUser];
    const { position } = await gql<{ position: Position }>(
      stack,
      POSITION,
      { p: pool.poolId, i: a.userId },
      admin,
    );
    const cut = new Date().toISOString();
    await contribute(stack, pool.poolId, a, '1.50');
    await eventually(async () => {
      const { investorStatement } = await gql<{ investorStatement: { lines: StatementLine[] } }>(
        stack,
        STATEMENT,
        { i: a.userId, from: cut },
        a,
      );
      expect(investorStatement.lines[0]).toMatchObject({
        openingBalance: { amount: position.capital.amount },
        contributions: { amount: '1.50' },
        distributions: { amount: '0.00' },
      });
      const before = await gql<{ investorStatement: { lines: StatementLine[] } }>(
        stack,
        STATEMENT,
        { i: a.userId, to: cut },
        a,
      );
      expect(before.investorStatement.lines[0]!.closingBalance).toEqual(position.capital);
    });
  });

  it('reports pool performance: paid-in, distributed, fees, cash, investors, DPI and series', async () => {
    const { pool: money } = await gql<{
      pool: { cashBalance: { amount: string }; totalContributed: { amount: string } };
    }>(
      stack,
      'query($id: ID!) { pool(id: $id) { cashBalance { amount } totalContributed { amount } } }',
      { id: pool.poolId },
      admin,
    );
    await eventually(async () => {
      const { poolPerformance } = await gql<{ poolPerformance: Record<string, unknown> }>(
        stack,
        PERFORMANCE,
        { p: pool.poolId },
        admin,
      );
      expect(poolPerformance).toMatchObject({
        pool: { id: pool.poolId },
        contributed: { amount: money.totalContributed.amount, currency: 'USD' },
        distributed: { amount: '40.00' },
        fees: { amount: '10.01' },
        withdrawn: { amount: '5.00' },
        cash: { amount: money.cashBalance.amount },
        investorCount: 3,
      });
      const today = new Date().toISOString().slice(0, 10);
      expect(poolPerformance.byDay).toEqual([
        {
          period: today,
          contributed: { amount: money.totalContributed.amount },
          distributed: { amount: '40.00' },
        },
      ]);
      expect(poolPerformance.byMonth).toEqual([
        {
          period: today.slice(0, 7),
          contributed: { amount: money.totalContributed.amount },
          distributed: { amount: '40.00' },
        },
      ]);
    });
  });

  it('keeps the newest pool snapshot of a read whatever its order, and the earliest time', async () => {
    const reports = connectMysql({ url: stack.databases.reports!.url }, schema);
    try {
      const poolId = uuidv7();
      const snapshot = (revision: number, name: string, at: string) => ({
        payload: {
          poolId,
          revision,
          name,
          currency: 'USD',
          managerId: admin.userId,
          status: 'OPEN' as const,
          targetMinor: null,
          committedMinor: `${revision}00`,
          calledMinor: '0',
          memberCount: revision,
        },
        occurredAt: new Date(at),
      });
      // One read: revision 3, a redelivered 3, an older 2; then a later read with 1 again.
      await upsertPoolFacts(reports.db, [
        snapshot(3, 'third', '2026-03-01T00:00:00Z'),
        snapshot(3, 'third again', '2026-03-02T00:00:00Z'),
        snapshot(2, 'second', '2026-02-01T00:00:00Z'),
      ]);
      await upsertPoolFacts(reports.db, [snapshot(1, 'first', '2026-01-01T00:00:00Z')]);
      const [row] = await selectPoolFactsByIds(reports.db, [poolId]);
      expect(row).toMatchObject({
        name: 'third',
        committedMinor: 300n,
        memberCount: 3,
        createdAt: new Date('2026-01-01T00:00:00Z'),
      });
    } finally {
      await reports.close();
    }
  });
});
