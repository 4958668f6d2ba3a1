import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MySqlTable } from 'drizzle-orm/mysql-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStripeEmulator } from '@poolgraph/stripe-emulator';
import type { Viewer } from '@poolgraph/auth';
import { connectMysql, createLogger, tableRows, uuidv7, type Mysql } from '@poolgraph/platform';
import type { TestDatabase } from '@poolgraph/testing';
import { assertBooksBalance } from '../src/books.ts';
import { upsertPoolFacts } from '../src/data/poolFacts.ts';
import { upsertPoolMember } from '../src/data/poolMembers.ts';
import { selectTransactionsByIds } from '../src/data/transactions.ts';
import { schema } from '../src/db/index.ts';
import { createPoster } from '../src/movements/lanes.ts';
import { createLocalViews } from '../src/movements/poolView.ts';
import { contribute, type OperationDeps } from '../src/movements/submit.ts';
import { createPayments } from '../src/payments/index.ts';
import { startContribution } from '../src/payments/intents.ts';
import { STRIPE_WEBHOOK_EVENTS, stripeWebhookRoute } from '../src/payments/webhook.ts';
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
    // Each starts in a callback of its own, as requests that arrive together do (one per I/O
    // event): reads batched per tick alone would be one each.
    const sent = await count(() =>
      Promise.all(
        members.map(
          (id) =>
            new Promise((resolve, reject) =>
              setImmediate(() =>
                contribute(deps, investor(id), {
                  poolId,
                  amount: '1.25',
                  idempotencyKey: 'burst',
                }).then(resolve, reject),
              ),
            ),
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
    const { poolAccounts, investorAccounts, idempotencyKeys, poolFacts, poolMembers } = schema;
    await expectSameDecoding([
      poolAccounts,
      investorAccounts,
      idempotencyKeys,
      poolFacts,
      poolMembers,
    ]);
  });
});

/** Each table's rows as `tableRows` decodes them are those the query builder returns. */
async function expectSameDecoding(tables: MySqlTable[]) {
  const printed = (row: object) =>
    JSON.stringify(row, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
  const sorted = (rows: object[]) => [...rows].sort((a, b) => (printed(a) < printed(b) ? -1 : 1));
  for (const table of tables) {
    const read = await tableRows(table).select(mysql.db, '');
    expect(read.length).toBeGreaterThan(0);
    expect(sorted(read)).toStrictEqual(sorted(await mysql.db.select().from(table)));
  }
}

describe('a card payment', () => {
  it('costs the ledger 29 statements: 13 to start it, 16 for the webhook that posts it (3 more for a created event if the endpoint took it)', async () => {
    const run = randomBytes(8).toString('hex');
    const keys = { secretKey: `sk_test_${run}`, publishableKey: `pk_test_${run}` };
    const webhookSecret = `whsec_${run}`;
    const emulator = createStripeEmulator({ ...keys, retryBaseMs: 50, maxAttempts: 2 });
    const apiUrl = await emulator.listen(0);
    const payments = createPayments(
      {
        stripe: { secretKey: keys.secretKey, webhookSecret, apiUrl, webhookToleranceSeconds: 300 },
        bank: { beneficiary: 'Test', iban: 'GB33BUKB20201555555555', bic: 'BUKBGB22' },
        timeoutsMs: { CARD: 3_600_000, BANK_TRANSFER: 86_400_000 },
      },
      mysql.db,
      createLogger('ledger-test', 'silent'),
      () => undefined,
    );
    const route = stripeWebhookRoute(payments);
    const webhooks = createServer((req, res) => void route(req, res));
    await new Promise<void>((resolve) => webhooks.listen(0, '127.0.0.1', resolve));
    const { port } = webhooks.address() as AddressInfo;
    const emulatorCall = async (
      path: string,
      body: string | URLSearchParams,
      headers: Record<string, string>,
    ) => {
      const response = await fetch(`${apiUrl}${path}`, { method: 'POST', headers, body });
      expect(response.ok).toBe(true);
    };
    const control = (path: string, body: object) =>
      emulatorCall(`/_emulator/${path}`, JSON.stringify(body), {
        'content-type': 'application/json',
      });
    try {
      const { poolId, members } = await poolWithMembers(1);
      const payer = investor(members[0]!);
      /**
       * One card payment, each step counted: start, its created event, confirm to posted. The
       * endpoint subscribes to the ledger's events (production's), or to every event (`*`).
       */
      const pay = async (
        idempotencyKey: string,
        events: readonly string[] = STRIPE_WEBHOOK_EVENTS,
      ) => {
        // Webhooks held back while it starts, so each step's statements are its own.
        await control('webhooks', {
          url: `http://127.0.0.1:${port}/`,
          secret: webhookSecret,
          events,
        });
        await control('webhooks', { hold: true });
        let intent: Awaited<ReturnType<typeof startContribution>> | undefined;
        const start = await count(async () => {
          intent = await startContribution({ ...deps, payments }, payer, {
            poolId,
            amount: '12.00',
            method: 'CARD',
            idempotencyKey,
          });
        });
        const created = await count(async () => {
          await control('flush', {});
          await emulator.idle();
        });
        const posted = await count(async () => {
          await emulatorCall(
            `/v1/payment_intents/${intent!.payment.providerPaymentId}/confirm`,
            new URLSearchParams({
              client_secret: intent!.clientSecret!,
              payment_method: 'pm_card_visa',
            }),
            {
              authorization: `Bearer ${keys.publishableKey}`,
              'content-type': 'application/x-www-form-urlencoded',
            },
          );
          await emulator.idle();
        });
        const [row] = await selectTransactionsByIds(mysql.db, [intent!.transaction.id]);
        expect(row?.status).toBe('POSTED');
        return { start, created, posted };
      };
      await pay('card-warm'); // the SDK's first connection
      // The pending contribution's 11 (contribute's 12 but entries), the payment, the provider's answer.
      const start = { total: 13, transactions: 1, commits: 1 };
      // Stored, its payment found, its status; the settlement's transaction of 12 (its payment
      // read under lock, for money it makes held); marked.
      const posted = { total: 16, transactions: 1, commits: 1 };
      // payment_intent.created is not among the endpoint's events: nothing comes.
      const none = { total: 0, transactions: 0, commits: 0 };
      expect(await pay('card')).toEqual({ start, created: none, posted });
      // Were it sent: stored, its payment found, marked; no call to the provider.
      expect(await pay('card-every-event', ['*'])).toEqual({
        start,
        created: { total: 3, transactions: 0, commits: 0 },
        posted,
      });
      // The card path's reads decode as the query builder does.
      const { transactions, payments: paymentRows, providerEvents } = schema;
      await expectSameDecoding([transactions, paymentRows, providerEvents]);
    } finally {
      await new Promise((resolve) => webhooks.close(resolve));
      await emulator.idle();
      await emulator.stop();
    }
  });
});
