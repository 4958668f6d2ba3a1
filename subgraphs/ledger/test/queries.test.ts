import { currentRequestId } from '@poolgraph/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contribute,
  errorCodes,
  expectData,
  openPoolWithMembers,
  startLedgerStack,
  type LedgerStack,
  type TestPool,
} from './helpers.ts';

let ls: LedgerStack;
let statements: string[] = [];
/**
 * Only the statements sent while serving a request (in its scope), not the ledger's own
 * background work (the pools.events consumer, the expiry sweeper, the fee schedule, the relay):
 * counted, any of those falling inside a measured request made the counts differ now and then.
 */
beforeAll(async () => {
  ls = await startLedgerStack({
    onQuery: { ledger: (sql) => void (currentRequestId() && statements.push(sql)) },
  });
});
afterAll(async () => {
  await ls?.stop();
});

const PAGE = `query($id: ID!, $first: Int, $after: String) { pool(id: $id) { transactions(first: $first, after: $after) {
  edges { cursor node { id amount { amount } } } pageInfo { hasNextPage endCursor } } } }`;

interface Page {
  pool: {
    transactions: {
      edges: Array<{ cursor: string; node: { id: string; amount: { amount: string } } }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
}

describe('transactions', () => {
  it('pages a pool transactions newest first with cursors', async () => {
    const pool = await openPoolWithMembers(ls, 1);
    for (const amount of ['1.00', '2.00', '3.00', '4.00', '5.00'])
      await contribute(ls, pool.id, pool.members[0]!, amount);
    const amounts: string[] = [];
    let after: string | null = null;
    const hasNext: boolean[] = [];
    do {
      const page: Page = expectData(
        await ls.gql<Page>(PAGE, { id: pool.id, first: 2, after }, pool.manager),
      );
      amounts.push(...page.pool.transactions.edges.map((e) => e.node.amount.amount));
      hasNext.push(page.pool.transactions.pageInfo.hasNextPage);
      after = page.pool.transactions.pageInfo.hasNextPage
        ? page.pool.transactions.pageInfo.endCursor
        : null;
    } while (after);
    expect(amounts).toEqual(['5.00', '4.00', '3.00', '2.00', '1.00']);
    expect(hasNext).toEqual([true, true, false]);
  });

  it('rejects a page size outside 1..100 and a cursor it did not issue', async () => {
    const pool = await openPoolWithMembers(ls, 1);
    await contribute(ls, pool.id, pool.members[0]!, '1.00');
    for (const variables of [{ first: 0 }, { first: 101 }, { after: 'bm9wZQ' }]) {
      const response = await ls.gql(PAGE, { id: pool.id, ...variables }, pool.manager);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    }
  });
});

describe('batching', () => {
  const OVERVIEW = `{ me { managedPools { id cashBalance { amount } totalContributed { amount }
    members { investor { id } position { contributed { amount } fees { amount } } }
    transactions(first: 3) { nodes { id type amount { amount } investor { id } } pageInfo { hasNextPage } } } } }`;

  interface Overview {
    me: {
      managedPools: Array<{ members: Array<{ position: { contributed: { amount: string } } }> }>;
    };
  }

  async function ledgerStatementsFor(manager: TestPool['manager']) {
    statements = [];
    const data = expectData(await ls.gql<Overview>(OVERVIEW, {}, manager));
    return { count: statements.length, pools: data.me.managedPools };
  }

  it('reads money, positions and transactions of many pools with a constant number of queries', async () => {
    const few = await ledgerStatementsFor(await openManyPools(2));
    const many = await ledgerStatementsFor(await openManyPools(5));
    expect(many.pools).toHaveLength(5);
    expect(many.pools.flatMap((p) => p.members.map((m) => m.position.contributed.amount))).toEqual(
      Array(10).fill('7.00'),
    );
    // However many pools: the gateway makes two ledger fetches (pools' money and pages, then
    // members' positions); each reads pool accounts and the pools' facts once, the first also
    // the caller's memberships (visibility) and the pages, the second the positions.
    expect(many.count).toBe(few.count);
    expect(many.count).toBeGreaterThanOrEqual(5);
    expect(many.count).toBeLessThanOrEqual(7);
  });
});

/** A manager with `count` OPEN pools, each with two members who contributed 7.00. */
async function openManyPools(count: number) {
  const manager = await ls.stack.signUp('MANAGER');
  for (let n = 0; n < count; n++) {
    const { id } = expectData(
      await ls.gql<{ createPool: { id: string } }>(
        'mutation($input: CreatePoolInput!) { createPool(input: $input) { id } }',
        { input: { name: `Pool ${n}`, currency: 'USD' } },
        manager,
      ),
    ).createPool;
    expectData(await ls.gql('mutation($id: ID!) { openPool(id: $id) { id } }', { id }, manager));
    for (let m = 0; m < 2; m++) {
      const investor = await ls.stack.signUp('INVESTOR');
      expectData(
        await ls.gql(
          'mutation($id: ID!) { joinPool(poolId: $id, commitment: "100") { id } }',
          { id },
          investor,
        ),
      );
      await contribute(ls, id, investor, '7.00');
    }
  }
  return manager;
}
