import { connectMysql, uuidv7 } from '@poolgraph/platform';
import { eventually } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { postContributionsInBulk } from '@poolgraph/ledger/bulk';
import { schema as ledgerSchema } from '@poolgraph/ledger/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerHistoryReader } from '../src/peers/ledger.ts';
import { schema } from '../src/db/index.ts';
import { rebuildReadModels } from '../src/services/rebuild.ts';
import { TOP_INVESTORS } from './fixtures.ts';
import { PERFORMANCE, STATEMENT, contribute, gql, openPool, poolMutation } from './live.ts';
import { randomContributions } from './oracle.ts';

describe('npm run reports:rebuild', () => {
  let stack: Stack;
  let admin: TestUser;
  let pool: Awaited<ReturnType<typeof openPool>>;
  const { rows, investors } = randomContributions(7, 2000);
  const past = rows.filter((r) => r.occurredAt.getTime() < Date.now());

  beforeAll(async () => {
    stack = await startStack();
    admin = await stack.admin();
    // History posted through the bulk path (as an import does) and through the gateway.
    const ledger = connectMysql({ url: stack.databases.ledger!.url }, ledgerSchema);
    try {
      await postContributionsInBulk(
        ledger.db,
        past.map((r) => ({
          idempotencyKey: r.transactionId,
          poolId: r.poolId,
          currency: r.currency,
          managerId: uuidv7(),
          investorId: r.investorId,
          amountMinor: r.amountMinor,
          occurredAt: r.occurredAt,
        })),
        { actorId: uuidv7() },
      );
    } finally {
      await ledger.close();
    }
    pool = await openPool(stack, 2);
    await contribute(stack, pool.poolId, pool.members[0]!, '70.00');
    await contribute(stack, pool.poolId, pool.members[1]!, '30.00');
    await poolMutation(stack, 'distribute', pool.poolId, pool.manager, '10.00');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** Everything a reader would compare: rankings, a statement, a pool's performance. */
  const answers = async () => {
    const ranking = (variables: Record<string, unknown>) =>
      gql(stack, TOP_INVESTORS, { limit: 100, ...variables }, admin);
    return {
      allTime: await ranking({}),
      jpy: await ranking({ currency: 'JPY' }),
      year: await ranking({ from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }),
      range: await ranking({ from: '2024-06-15T12:00:00Z', to: '2025-09-02T00:00:00Z' }),
      statement: await gql(stack, STATEMENT, { i: investors[0] }, admin),
      windowed: await gql(
        stack,
        STATEMENT,
        { i: investors[1], from: '2025-01-01T00:00:00Z' },
        admin,
      ),
      performance: await gql(stack, PERFORMANCE, { p: pool.poolId }, admin),
    };
  };

  /** Every posting published by the ledger's relay and applied by the reports consumer. */
  const caughtUp = () =>
    eventually(async () => {
      const ledger = connectMysql({ url: stack.databases.ledger!.url }, ledgerSchema);
      try {
        const [rows] = await ledger.pool.query(
          'SELECT COUNT(*) AS n FROM outbox WHERE published_at IS NULL',
        );
        expect(Number((rows as Array<{ n: unknown }>)[0]!.n)).toBe(0);
      } finally {
        await ledger.close();
      }
      const { reportsFreshness } = await gql<{ reportsFreshness: { lagSeconds: number } }>(
        stack,
        '{ reportsFreshness { lagSeconds } }',
        {},
        admin,
      );
      expect(reportsFreshness.lagSeconds).toBe(0);
    }, 20_000);

  it('replays the ledger into fresh tables and swaps them in, with identical answers', async () => {
    await caughtUp();
    const before = await answers();
    expect((before.allTime as { topInvestors: unknown[] }).topInvestors.length).toBeGreaterThan(30);
    // Damage the live read model: a rebuild must not depend on it.
    const reports = connectMysql({ url: stack.databases.reports!.url }, schema);
    await reports.pool.query(
      "UPDATE investor_rankings SET total_minor = total_minor + 1 WHERE kind = 'A'",
    );
    await reports.pool.query('DELETE FROM movements');
    await reports.close();
    expect(await answers()).not.toEqual(before);

    const { transactions } = await rebuildReadModels({
      mysqlUrl: stack.databases.reports!.url,
      readHistory: ledgerHistoryReader(stack.gatewayUrl, admin.token),
    });
    expect(transactions).toBeGreaterThanOrEqual(past.length + 4);
    expect(await answers()).toEqual(before);
  });

  it('keeps following the ledger after a rebuild', async () => {
    await contribute(stack, pool.poolId, pool.members[0]!, '1.00');
    await eventually(async () => {
      const { poolPerformance } = await gql<{
        poolPerformance: { contributed: { amount: string } };
      }>(stack, PERFORMANCE, { p: pool.poolId }, admin);
      expect(poolPerformance.contributed.amount).toBe('101.00');
    });
  });
});
