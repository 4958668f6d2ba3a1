import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '@poolgraph/auth';
import { connectMysql, createLogger, tableRows, uuidv7, type Mysql } from '@poolgraph/platform';
import type { TestDatabase } from '@poolgraph/testing';
import { assertBooksBalance } from '../src/books.ts';
import { upsertPoolFacts } from '../src/data/poolFacts.ts';
import { upsertPoolMember } from '../src/data/poolMembers.ts';
import { schema } from '../src/db/index.ts';
import { createPoster } from '../src/movements/lanes.ts';
import { createLocalViews } from '../src/movements/poolView.ts';
import { contribute, type OperationDeps } from '../src/movements/submit.ts';
import type { PoolsPeer } from '../src/peers/pools.ts';
import { openLedgerDatabase } from './ledgerDb.ts';

/**
 * SQL round trips of the request leg, counted as the N+1 tests count reads: every statement the
 * ledger sends (BEGIN and COMMIT included) from `contribute` to the commit.
 */
let statements: string[] = [];
let database: TestDatabase;
let mysql: Mysql<typeof schema>;
let deps: OperationDeps;

beforeAll(async () => {
  const opened = await openLedgerDatabase();
  await opened.mysql.close();
  database = opened.database;
  mysql = connectMysql({ url: database.url, onQuery: (sql) => void statements.push(sql) }, schema);
  const pools: PoolsPeer = {
    lookup: () => Promise.reject(new Error('pools is not asked when the copy knows the pool')),
  };
  deps = {
    poster: createPoster(mysql.db, () => undefined),
    db: mysql.db,
    pools,
    caller: { authorization: undefined, requestId: 'round-trips' },
    log: createLogger('ledger-test', 'silent'),
    views: createLocalViews(mysql.db),
    policy: { contributeWithoutPayment: true, payOutWithdrawals: false },
  };
});
afterAll(async () => {
  await assertBooksBalance(mysql.db);
  await mysql.close();
  await database.drop();
});

const investor = (userId: string): Viewer => ({
  userId,
  roles: ['INVESTOR'],
  sessionId: 'round-trips',
  scopes: [],
});

/** An OPEN pool in the local copy, with members whose capital accounts exist (one posting each). */
async function poolWithMembers(count: number) {
  const poolId = uuidv7();
  await upsertPoolFacts(mysql.db, {
    poolId,
    currency: 'USD',
    managerId: uuidv7(),
    status: 'OPEN',
    openedAt: new Date(),
    terms: null,
    visibility: 'LISTED',
    revision: 1,
  });
  const members = Array.from({ length: count }, () => uuidv7());
  for (const investorId of members) {
    await upsertPoolMember(mysql.db, {
      poolId,
      investorId,
      member: true,
      commitmentMinor: 10n ** 12n,
      revision: 1,
    });
    await contribute(deps, investor(investorId), { poolId, amount: '1', idempotencyKey: 'open' });
  }
  return { poolId, members };
}

/** The statements `run` sends, by kind. */
async function count(run: () => Promise<unknown>) {
  statements = [];
  await run();
  const kinds = statements.map((s) => s.trim().split(/\s/)[0]!.toLowerCase());
  return {
    total: statements.length,
    transactions: kinds.filter((k) => k === 'begin').length,
    commits: kinds.filter((k) => k === 'commit').length,
  };
}

describe('SQL round trips of a contribution', () => {
  it('costs one contribution 12 statements: 1 read of the local copy, then one transaction of 11', async () => {
    const { poolId, members } = await poolWithMembers(1);
    const sent = await count(() =>
      contribute(deps, investor(members[0]!), { poolId, amount: '2.50', idempotencyKey: 'k' }),
    );
    expect(sent).toEqual({ total: 12, transactions: 1, commits: 1 });
  });

  it('posts 32 concurrent contributions to one pool in at most two transactions, the reads shared', async () => {
    const { poolId, members } = await poolWithMembers(32);
    const sent = await count(() =>
      Promise.all(
        members.map((id) =>
          contribute(deps, investor(id), { poolId, amount: '1.25', idempotencyKey: 'burst' }),
        ),
      ),
    );
    expect(sent.transactions).toBeLessThanOrEqual(2);
    expect(sent.commits).toBe(sent.transactions);
    expect(sent.total).toBeLessThanOrEqual(1 + 11 * sent.transactions);
  });
});

describe('a replayed contribution', () => {
  it('answers with the original transaction, after one more transaction that finds the key', async () => {
    const { poolId, members } = await poolWithMembers(1);
    const args = { poolId, amount: '4.00', idempotencyKey: 'again' };
    const original = await contribute(deps, investor(members[0]!), args);
    const sent = await count(async () =>
      expect(await contribute(deps, investor(members[0]!), args)).toEqual(original),
    );
    expect(sent).toMatchObject({ transactions: 2, commits: 0 });
  });
});

describe("the request leg's reads", () => {
  it('decode every table they read exactly as the query builder does (types included)', async () => {
    const { poolId, members } = await poolWithMembers(3);
    await contribute(deps, investor(members[1]!), { poolId, amount: '7.01', idempotencyKey: 'x' });
    const printed = (row: object) =>
      JSON.stringify(row, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    const sorted = (rows: object[]) => [...rows].sort((a, b) => (printed(a) < printed(b) ? -1 : 1));
    const { poolAccounts, investorAccounts, idempotencyKeys, poolFacts, poolMembers } = schema;
    for (const table of [poolAccounts, investorAccounts, idempotencyKeys, poolFacts, poolMembers]) {
      const read = await tableRows(table).select(mysql.db, '');
      expect(read.length).toBeGreaterThan(0);
      expect(sorted(read)).toStrictEqual(sorted(await mysql.db.select().from(table)));
    }
  });
});
