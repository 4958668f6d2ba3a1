import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMysql, uuidv7, type Mysql } from '@poolgraph/platform';
import { errorCodes, expectData, graphql } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { schema } from '../src/db/index.ts';
import { memberships } from '../src/db/schema.ts';
import { insertPools } from '../src/data/pools.ts';
import { JOIN_POOL, OPEN_POOL, REMOVE_MEMBER } from './helpers.ts';

/** The five real subgraphs behind the real gateway: pools with the real ledger. */
let stack: Stack;
let poolsDb: Mysql<typeof schema>;
const queries = { pools: 0, ledger: 0 };

beforeAll(async () => {
  stack = await startStack({
    onQuery: {
      pools: () => void queries.pools++,
      // The expiry sweeper's scan (every 5 s) is the ledger's own, not the query's.
      ledger: (sql) => void (/`expires_at` </.test(sql) || queries.ledger++),
    },
  });
  poolsDb = connectMysql({ url: stack.databases.pools!.url }, schema);
});
afterAll(async () => {
  await poolsDb?.close();
  await stack?.stop();
});

async function seed(manager: TestUser, pools: number, members: TestUser[]) {
  const ids = Array.from({ length: pools }, () => uuidv7());
  for (const [n, id] of ids.entries()) {
    const now = new Date();
    const pool = { id, managerId: manager.userId, name: `pool ${n}`, currency: 'USD' };
    await insertPools(poolsDb.db, [{ ...pool, status: 'CLOSED', createdAt: now, updatedAt: now }]);
  }
  const rows = ids.flatMap((poolId) =>
    members.map((m) => ({ id: uuidv7(), poolId, investorId: m.userId, commitmentMinor: 1_000n })),
  );
  for (let start = 0; start < rows.length; start += 1000) {
    await poolsDb.db.insert(memberships).values(rows.slice(start, start + 1000));
  }
}

const POSITIONS = `query Positions { pools { members {
  investor { name } position { contributed { amount } }
} } }`;

describe('through the supergraph with the real ledger', () => {
  it('resolves members’ positions for 100 pools × 50 members with constant SQL in each subgraph', async () => {
    const [big, small, ...investors] = await Promise.all([
      stack.signUp('MANAGER'),
      stack.signUp('MANAGER'),
      ...Array.from({ length: 50 }, () => stack.signUp('INVESTOR')),
    ]);
    await seed(big!, 100, investors);
    await seed(small!, 2, investors.slice(0, 3));
    const run = async (manager: TestUser) => {
      queries.pools = 0;
      queries.ledger = 0;
      const data = expectData(
        await graphql<{
          pools: Array<{ members: Array<{ position: { contributed: { amount: string } } }> }>;
        }>(stack.gatewayUrl, POSITIONS, {}, { token: manager.token }),
      );
      const members = data.pools.flatMap((p) => p.members);
      expect(members.every((m) => m.position.contributed.amount === '0.00')).toBe(true);
      return { members: members.length, ...queries };
    };
    const large = await run(big!);
    const tiny = await run(small!);
    expect([large.members, tiny.members]).toEqual([5000, 6]);
    expect(large.pools).toBe(2);
    expect(tiny.pools).toBe(2);
    expect(large.ledger).toBe(tiny.ledger);
  }, 120_000);

  it('refuses to remove a member who contributed through the ledger, and removes one who did not', async () => {
    const [manager, payer, idle] = await Promise.all([
      stack.signUp('MANAGER'),
      stack.signUp('INVESTOR'),
      stack.signUp('INVESTOR'),
    ]);
    const created = expectData(
      await graphql<{ createPool: { id: string } }>(
        stack.gatewayUrl,
        'mutation { createPool(input: { name: "Real", currency: "USD" }) { id } }',
        {},
        { token: manager.token },
      ),
    );
    const poolId = created.createPool.id;
    expectData(
      await graphql(stack.gatewayUrl, OPEN_POOL, { id: poolId }, { token: manager.token }),
    );
    for (const investor of [payer, idle]) {
      const joined = await graphql(
        stack.gatewayUrl,
        JOIN_POOL,
        { poolId, commitment: '500' },
        { token: investor.token },
      );
      expectData(joined);
    }
    // The ledger asks pools (LedgerPoolAccess) with the investor's own token before posting.
    expectData(
      await graphql(
        stack.gatewayUrl,
        'mutation C($poolId: ID!) { contribute(poolId: $poolId, amount: "100.00", idempotencyKey: "c-1") { id } }',
        { poolId },
        { token: payer.token },
      ),
    );
    const remove = (investorId: string) =>
      graphql(stack.gatewayUrl, REMOVE_MEMBER, { poolId, investorId }, { token: manager.token });
    const refused = await remove(payer.userId);
    expect(errorCodes(refused)).toEqual(['CONFLICT']);
    expect(refused.errors?.[0]?.message).toContain('100.00 USD');
    expectData(await remove(idle.userId));
  });
});
