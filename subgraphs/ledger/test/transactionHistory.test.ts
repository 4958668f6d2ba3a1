import { describe, expect, it, beforeAll } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { TestUser } from '@poolgraph/test-stack';
import {
  contribute,
  errorCodes,
  expectData,
  key,
  openPoolWithMembers,
  RECORD,
  DISTRIBUTE,
  CHARGE_FEE,
  useLedgerStack,
  type TestPool,
} from './helpers.ts';

const ls = useLedgerStack();

const HISTORY = `query($f: TransactionHistoryFilter, $first: Int, $after: String) {
  transactionHistory(filter: $f, first: $first, after: $after) {
    nodes { id type status amount { amount currency } pool { id } investor { id } occurredAt }
    pageInfo { hasNextPage endCursor } } }`;
const CSV = `query($f: TransactionHistoryFilter) { transactionHistoryCsv(filter: $f) }`;

interface Row {
  id: string;
  type: string;
  status: string;
  amount: { amount: string; currency: string };
  pool: { id: string };
  investor: { id: string } | null;
}
interface Page {
  transactionHistory: { nodes: Row[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
}

let a: TestPool;
let b: TestPool;
let c: TestPool;
let ivy: TestUser;
let zoe: TestUser;

const history = async (user: TestUser, f: Record<string, unknown> = {}, first = 100) =>
  expectData(await ls.gql<Page>(HISTORY, { f, first }, user)).transactionHistory;

beforeAll(async () => {
  a = await openPoolWithMembers(ls, 2);
  [ivy, zoe] = a.members as [TestUser, TestUser];
  b = await openPoolWithMembers(ls, 0);
  c = await openPoolWithMembers(ls, 1);
  // Ivy is in A and B, zoe only in A; C is another manager's pool without them.
  expectData(
    await ls.gql(
      'mutation($p: ID!) { joinPool(poolId: $p, commitment: "5000") { id } }',
      { p: b.id },
      ivy,
    ),
  );
  await contribute(ls, a.id, ivy, '100');
  await contribute(ls, a.id, zoe, '300');
  await contribute(ls, b.id, ivy, '200');
  await contribute(ls, c.id, c.members[0]!, '999');
  expectData(
    await ls.gql(
      RECORD,
      {
        poolId: a.id,
        investorId: ivy.userId,
        amount: '50',
        occurredAt: '2026-01-15T12:00:00.000Z',
        key: key(),
      },
      a.manager,
    ),
  );
  expectData(await ls.gql(DISTRIBUTE, { poolId: a.id, amount: '90', key: key() }, a.manager));
  expectData(await ls.gql(CHARGE_FEE, { poolId: a.id, amount: '10', key: key() }, a.manager));
});

describe('transactionHistory', () => {
  it("shows an investor their own transactions across their pools, and nobody else's", async () => {
    const { nodes } = await history(ivy);
    expect(nodes.every((n) => n.investor?.id === ivy.userId)).toBe(true);
    expect(nodes.map((n) => [n.pool.id, n.type, n.amount.amount]).sort()).toEqual(
      [
        [a.id, 'CONTRIBUTION', '100.00'],
        [a.id, 'CONTRIBUTION', '50.00'],
        [a.id, 'DISTRIBUTION', '30.00'], // 90 over capital 150 : 300
        [b.id, 'CONTRIBUTION', '200.00'],
      ].sort(),
    );
    // Asking for another investor's, or a pool they are not in, gives nothing of others'.
    const other = await ls.gql(HISTORY, { f: { investorId: zoe.userId } }, ivy);
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
    expect((await history(ivy, { poolId: c.id })).nodes).toEqual([]);
  });

  it('narrows by pool, type, status and date range', async () => {
    expect((await history(ivy, { poolId: b.id })).nodes.map((n) => n.amount.amount)).toEqual([
      '200.00',
    ]);
    expect((await history(ivy, { type: 'DISTRIBUTION' })).nodes).toHaveLength(1);
    expect(await history(ivy, { status: 'PENDING' })).toMatchObject({ nodes: [] });
    const january = await history(ivy, {
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-02-01T00:00:00.000Z',
    });
    expect(january.nodes.map((n) => n.amount.amount)).toEqual(['50.00']);
    const backwards = await ls.gql(
      HISTORY,
      { f: { from: '2026-02-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' } },
      ivy,
    );
    expect(errorCodes(backwards)).toEqual(['BAD_USER_INPUT']);
  });

  it('pages newest first without gaps or repeats', async () => {
    const all = (await history(ivy)).nodes.map((n) => n.id);
    expect(all).toEqual([...all].sort().reverse());
    const first = await history(ivy, {}, 3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = expectData(
      await ls.gql<Page>(HISTORY, { first: 3, after: first.pageInfo.endCursor }, ivy),
    ).transactionHistory;
    expect(next.pageInfo.hasNextPage).toBe(false);
    expect([...first.nodes, ...next.nodes].map((n) => n.id)).toEqual(all);
    expect(errorCodes(await ls.gql(HISTORY, { first: 101 }, ivy))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await ls.gql(HISTORY, { after: 'nope' }, ivy))).toEqual(['BAD_USER_INPUT']);
  });

  it("shows a manager their pools' transactions, fees included, and refuses another manager's pool", async () => {
    const { nodes } = await history(a.manager);
    expect(new Set(nodes.map((n) => n.pool.id))).toEqual(new Set([a.id]));
    expect(nodes.some((n) => n.type === 'FEE' && n.investor === null)).toBe(true);
    expect(nodes.some((n) => n.investor?.id === zoe.userId)).toBe(true);
    expect(errorCodes(await ls.gql(HISTORY, { f: { poolId: c.id } }, a.manager))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await ls.gql(HISTORY, {}))).toEqual(['UNAUTHENTICATED']);
  });

  it('exports the same transactions as CSV that a CSV parser reads back exactly', async () => {
    const { nodes } = await history(ivy);
    const csv = expectData(
      await ls.gql<{ transactionHistoryCsv: string }>(CSV, {}, ivy),
    ).transactionHistoryCsv;
    const records = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(records.map((r) => r.transaction_id)).toEqual(nodes.map((n) => n.id));
    expect(records[0]).toMatchObject({
      investor_id: ivy.userId,
      currency: 'USD',
      amount: nodes[0]!.amount.amount,
    });
    expect(records.every((r) => /^-?\d+\.\d{2}$/.test(r.amount!))).toBe(true);
    const forB = expectData(
      await ls.gql<{ transactionHistoryCsv: string }>(CSV, { f: { poolId: b.id } }, ivy),
    ).transactionHistoryCsv;
    expect(parse(forB, { columns: true })).toHaveLength(1);
    expect(errorCodes(await ls.gql(CSV, { f: { investorId: zoe.userId } }, ivy))).toEqual([
      'FORBIDDEN',
    ]);
  });
});
