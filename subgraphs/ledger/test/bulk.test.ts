import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7, type Mysql } from '@poolgraph/platform';
import type { TestDatabase } from '@poolgraph/testing';
import { assertBooksBalance } from '../src/books.ts';
import { postContributionsInBulk, type BulkOutcome } from '../src/bulk/index.ts';
import type { schema } from '../src/db/index.ts';
import { contributions, newPool, openLedgerDatabase } from './ledgerDb.ts';

let database: TestDatabase;
let ledger: Mysql<typeof schema>;
beforeAll(async () => {
  ({ database, mysql: ledger } = await openLedgerDatabase());
});
afterAll(async () => {
  await ledger.close();
  await database.drop();
});

async function count(table: string, where = '1 = 1', params: unknown[] = []): Promise<number> {
  const [rows] = await ledger.pool.query(
    `SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`,
    params,
  );
  return Number((rows as Array<{ n: unknown }>)[0]?.n);
}

const statuses = (outcomes: BulkOutcome[]) =>
  outcomes.reduce<Record<string, number>>(
    (acc, o) => ({ ...acc, [o.status]: (acc[o.status] ?? 0) + 1 }),
    {},
  );

describe('the bulk posting path', () => {
  it('posts thousands of contributions, one event each, and the books balance', async () => {
    const pools = [newPool(), newPool('GBP'), newPool('KWD')];
    const investors = Array.from({ length: 50 }, () => uuidv7());
    const items = contributions(pools, investors, 5000);
    const before = await count('transactions');
    const outcomes = await postContributionsInBulk(ledger.db, items, { actorId: uuidv7() });
    expect(statuses(outcomes)).toEqual({ POSTED: 5000 });
    expect(await count('transactions')).toBe(before + 5000);
    expect(await count('outbox', 'published_at IS NULL')).toBeGreaterThanOrEqual(5000);
    for (const pool of pools) {
      const [rows] = await ledger.pool.query(
        'SELECT cash_balance, total_contributed FROM pool_accounts WHERE pool_id = ?',
        [pool.poolId],
      );
      const expected = items
        .filter((i) => i.poolId === pool.poolId)
        .reduce((s, i) => s + i.amountMinor, 0n);
      expect(rows).toEqual([
        { cash_balance: String(expected), total_contributed: String(expected) },
      ]);
    }
    await assertBooksBalance(ledger.db);
  });

  it('changes nothing when the same items are posted again: each is a replay of its original', async () => {
    const actorId = uuidv7();
    const items = contributions([newPool()], [uuidv7(), uuidv7()], 300);
    const first = await postContributionsInBulk(ledger.db, items, { actorId, chunkSize: 120 });
    const rows = await count('transactions');
    const again = await postContributionsInBulk(ledger.db, items, { actorId, chunkSize: 70 });
    expect(statuses(again)).toEqual({ REPLAYED: 300 });
    expect(again.map((o) => 'transactionId' in o && o.transactionId)).toEqual(
      first.map((o) => 'transactionId' in o && o.transactionId),
    );
    expect(await count('transactions')).toBe(rows);
    await assertBooksBalance(ledger.db);
  });

  it('replays a chunk of recorded keys that follows a fresh chunk (an import resumed)', async () => {
    const actorId = uuidv7();
    const items = contributions([newPool()], [uuidv7(), uuidv7()], 400);
    const later = await postContributionsInBulk(ledger.db, items.slice(200), { actorId });
    const rows = await count('transactions');
    const all = await postContributionsInBulk(ledger.db, items, { actorId, chunkSize: 200 });
    expect(statuses(all)).toEqual({ POSTED: 200, REPLAYED: 200 });
    expect(all.slice(200)).toEqual(later.map((o) => ({ ...o, status: 'REPLAYED' })));
    expect(await count('transactions')).toBe(rows + 200);
    await assertBooksBalance(ledger.db);
  });

  it('rejects bad items, reused keys and a currency that contradicts the ledger, posting the rest', async () => {
    const actorId = uuidv7();
    const pool = newPool();
    const newcomer = uuidv7();
    const [good, reusedLater, ...rest] = contributions([pool], [uuidv7()], 4);
    await postContributionsInBulk(ledger.db, [reusedLater!], { actorId });
    const rows = await count('transactions');
    const outcomes = await postContributionsInBulk(
      ledger.db,
      [
        good!,
        { ...rest[0]!, amountMinor: 0n },
        { ...rest[1]!, investorId: 'not-a-uuid' },
        { ...reusedLater!, amountMinor: reusedLater!.amountMinor + 1n },
        { ...good!, idempotencyKey: `${good!.idempotencyKey}-eur`, currency: 'EUR' },
        { ...good!, amountMinor: good!.amountMinor + 5n },
        { ...good!, idempotencyKey: `${good!.idempotencyKey}-max`, amountMinor: 10n ** 18n },
        {
          ...good!,
          idempotencyKey: `${good!.idempotencyKey}-new`,
          investorId: newcomer,
          currency: 'EUR',
        },
      ],
      { actorId },
    );
    expect(outcomes.map((o) => (o.status === 'REJECTED' ? o.code : o.status))).toEqual([
      'POSTED',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      'IDEMPOTENCY_KEY_REUSED',
      'CONFLICT',
      'IDEMPOTENCY_KEY_REUSED',
      'BAD_USER_INPUT',
      'CONFLICT',
    ]);
    expect(await count('transactions')).toBe(rows + 1);
    // Refused under the locks: not even an empty capital account is opened.
    expect(await count('investor_accounts', 'investor_id = ?', [newcomer])).toBe(0);
    await assertBooksBalance(ledger.db);
  });

  it('posts each item once when two runs of the same import race', async () => {
    const actorId = uuidv7();
    const items = contributions([newPool(), newPool()], [uuidv7(), uuidv7(), uuidv7()], 1500);
    const rows = await count('transactions');
    const [a, b] = await Promise.all([
      postContributionsInBulk(ledger.db, items, { actorId, chunkSize: 500 }),
      postContributionsInBulk(ledger.db, items, { actorId, chunkSize: 300 }),
    ]);
    expect(await count('transactions')).toBe(rows + 1500);
    a!.forEach((outcome, n) => {
      expect([outcome.status, b![n]!.status].sort()).toEqual(
        outcome.status === b![n]!.status
          ? [outcome.status, outcome.status]
          : ['POSTED', 'REPLAYED'],
      );
      expect('transactionId' in outcome && outcome.transactionId).toBe(
        'transactionId' in b![n]! && b![n]!.transactionId,
      );
    });
    await assertBooksBalance(ledger.db);
  });
});
