import { describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import Stripe from 'stripe';
import { eventually } from '@poolgraph/testing';
import type { TestUser } from '@poolgraph/test-stack';
import { matchStatement } from '../src/payments/statement.ts';
import { contribute, errorCodes, expectData, openPoolWithMembers } from './helpers.ts';
import {
  CONFIRM_TRANSFER,
  pendingMoney,
  SECRET_KEY,
  start,
  transactionOf,
  usePaymentsStack,
} from './payments.ts';

const ps = usePaymentsStack();

const confirm = (reference: string, amount: string, user: TestUser) =>
  ps.gql<{ confirmBankTransfer: { id: string; status: string; amount: { amount: string } } }>(
    CONFIRM_TRANSFER,
    { reference, amount },
    user,
  );

describe('bank transfers', () => {
  it('hands out instructions with a reference, and posts what the manager saw arrive (less posts less)', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const investor = pool.members[0]!;
    const intent = await start(ps, pool.id, investor, '1000.00', 'BANK_TRANSFER');
    expect(intent.clientSecret).toBeNull();
    expect(intent.bankTransfer).toMatchObject({
      reference: expect.stringMatching(/^PG-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]$/),
      amount: { amount: '1000.00', currency: 'USD' },
      iban: 'GB33BUKB20201555555555',
    });
    expect(intent.transaction.status).toBe('PENDING');
    const reference = intent.bankTransfer!.reference;

    expect(errorCodes(await confirm(reference, '700.00', investor))).toEqual(['FORBIDDEN']);
    const otherManager = await ps.stack.signUp('MANAGER');
    expect(errorCodes(await confirm(reference, '700.00', otherManager))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await confirm('PG-1234', '700.00', pool.manager))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(errorCodes(await confirm(reference, '7.001', pool.manager))).toEqual(['BAD_USER_INPUT']);
    expect((await transactionOf(ps, intent.transaction.id, investor)).status).toBe('PENDING');

    // Typed the way people type it: lower case, no dashes.
    const quoted = reference.toLowerCase().replace(/-/g, ' ');
    const posted = expectData(await confirm(quoted, '700.00', pool.manager)).confirmBankTransfer;
    expect(posted).toMatchObject({ status: 'POSTED', amount: { amount: '700.00' } });
    const again = expectData(await confirm(reference, '700.00', pool.manager)).confirmBankTransfer;
    expect(again.id).toBe(posted.id);
    expect(errorCodes(await confirm(reference, '1000.00', pool.manager))).toEqual(['CONFLICT']);
    const money = await pendingMoney(ps, pool.id, investor);
    expect(money.pool.cashBalance!.amount).toBe('700.00');
    expect(money.pool.pendingContributions!.amount).toBe('0.00');
  });

  it('matches a statement by reference and amount, reports what it cannot match, and changes nothing the second time', async () => {
    const pool = await openPoolWithMembers(ps, 3);
    const [a, b, c] = pool.members as [TestUser, TestUser, TestUser];
    const full = await start(ps, pool.id, a, '250.00', 'BANK_TRANSFER');
    const partial = await start(ps, pool.id, b, '400.00', 'BANK_TRANSFER');
    const wrongCurrency = await start(ps, pool.id, c, '50.00', 'BANK_TRANSFER');
    const csv = [
      'date,reference,amount,currency,payer',
      `2026-01-05,${full.bankTransfer!.reference},250.00,USD,"Investor A, Ltd"`,
      `2026-01-05,"${partial.bankTransfer!.reference.toLowerCase()}",150.00,USD,B`,
      `2026-01-06,PG-2222-2222-2,99.00,USD,Someone`,
      `2026-01-06,${wrongCurrency.bankTransfer!.reference},50.00,EUR,C`,
      '',
    ].join('\n');
    const first = await matchStatement(ps.payments(), csv);
    expect(first.map((r) => [r.line, r.outcome])).toEqual([
      [2, 'posted'],
      [3, 'partial'],
      [4, 'unmatched'],
      [5, 'refused'],
    ]);
    const second = await matchStatement(ps.payments(), csv);
    expect(second.map((r) => r.outcome)).toEqual(['already', 'already', 'unmatched', 'refused']);
    expect((await transactionOf(ps, partial.transaction.id, b)).amount.amount).toBe('150.00');
    expect((await transactionOf(ps, wrongCurrency.transaction.id, c)).status).toBe('PENDING');
    const money = await pendingMoney(ps, pool.id, a);
    expect(money.pool.cashBalance!.amount).toBe('400.00');
    expect(money.pool.pendingContributions!.amount).toBe('50.00');
  });
});

describe('what counts as money elsewhere', () => {
  const CALL = `mutation($p: ID!, $percent: Float!, $due: DateTime!) {
    callCapital(poolId: $p, percent: $percent, dueDate: $due) { id } }`;
  const ITEMS = `query($p: ID!) { pool(id: $p) { capitalCalls { items { paid { amount } } } } }`;
  const paid = async (poolId: string, member: TestUser) =>
    expectData(
      await ps.gql<{
        pool: { capitalCalls: Array<{ items: Array<{ paid: { amount: string } }> }> };
      }>(ITEMS, { p: poolId }, member),
    ).pool.capitalCalls[0]!.items[0]!.paid.amount;

  it('settles capital-call items with posted money only: nothing while pending, the posted amount after', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const member = pool.members[0]!;
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString();
    expectData(await ps.gql(CALL, { p: pool.id, percent: 0.5, due }, pool.manager)); // 5,000.00
    const intent = await start(ps, pool.id, member, '5000.00', 'BANK_TRANSFER');
    // A posted contribution after the pending one: once pools has applied it, it has read past
    // the pending event too (one stream, in order), and only the posted 1.00 counts.
    await contribute(ps, pool.id, member, '1.00');
    await eventually(async () => expect(await paid(pool.id, member)).toBe('1.00'), 10_000);
    expectData(await confirm(intent.bankTransfer!.reference, '3000.00', pool.manager));
    await eventually(async () => expect(await paid(pool.id, member)).toBe('3001.00'), 10_000);
  });

  it('raises LARGE_TRANSACTION alerts and counts report contributions on posted money only', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const member = pool.members[0]!;
    const RULE = `mutation($i: AlertRuleInput!) { setAlertRule(input: $i) { id } }`;
    await eventually(
      async () =>
        expectData(
          await ps.gql(
            RULE,
            {
              i: { poolId: pool.id, kind: 'LARGE_TRANSACTION', threshold: '100.00', enabled: true },
            },
            pool.manager,
          ),
        ),
      10_000,
    );
    const ALERTS = `query($p: ID) { alerts(poolId: $p) { kind transaction { id amount { amount } } } }`;
    const STATEMENT = `query($i: ID!) { investorStatement(investorId: $i) { lines { contributions { amount } } } }`;
    const alerts = async () =>
      expectData(
        await ps.gql<{
          alerts: Array<{ transaction: { id: string; amount: { amount: string } } }>;
        }>(ALERTS, { p: pool.id }, pool.manager),
      ).alerts.map((a) => a.transaction.amount.amount);
    const contributed = async () =>
      expectData(
        await ps.gql<{
          investorStatement: { lines: Array<{ contributions: { amount: string } }> };
        }>(STATEMENT, { i: member.userId }, member),
      ).investorStatement.lines.map((l) => l.contributions.amount);
    const intent = await start(ps, pool.id, member, '500.00', 'BANK_TRANSFER');
    await contribute(ps, pool.id, member, '150.00'); // posted, after the pending one in the stream
    await eventually(async () => expect(await alerts()).toEqual(['150.00']), 10_000);
    await eventually(async () => expect(await contributed()).toEqual(['150.00']), 10_000);
    expectData(await confirm(intent.bankTransfer!.reference, '300.00', pool.manager));
    await eventually(
      async () => expect((await alerts()).sort()).toEqual(['150.00', '300.00']),
      10_000,
    );
    await eventually(async () => expect(await contributed()).toEqual(['450.00']), 10_000);
  });

  it('reports each step live: balanceChanged says PENDING, then POSTED with the pool’s cash', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const member = pool.members[0]!;
    const client = createClient({
      url: ps.stack.gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${pool.manager.token}` },
      retryAttempts: 0,
    });
    const events: Array<Record<string, unknown>> = [];
    const stop = client.subscribe(
      {
        query: `subscription($p: ID!) { balanceChanged(poolId: $p) {
          status cashBalance { amount } pendingContributions { amount }
          transaction { id status amount { amount } } } }`,
        variables: { p: pool.id },
      },
      {
        next: (e) => void events.push(e.data?.balanceChanged as Record<string, unknown>),
        error: () => {},
        complete: () => {},
      },
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const intent = await start(ps, pool.id, member, '80.00', 'BANK_TRANSFER');
      await eventually(async () => expect(events).toHaveLength(1));
      expectData(await confirm(intent.bankTransfer!.reference, '80.00', pool.manager));
      await eventually(async () => expect(events).toHaveLength(2));
      expect(events).toEqual([
        {
          status: 'PENDING',
          cashBalance: { amount: '0.00' },
          pendingContributions: { amount: '80.00' },
          transaction: {
            id: intent.transaction.id,
            status: 'PENDING',
            amount: { amount: '80.00' },
          },
        },
        {
          status: 'POSTED',
          cashBalance: { amount: '80.00' },
          pendingContributions: { amount: '0.00' },
          transaction: { id: intent.transaction.id, status: 'POSTED', amount: { amount: '80.00' } },
        },
      ]);
    } finally {
      stop();
      await client.dispose();
    }
  });
});

describe('reconciliation', () => {
  const MISMATCHES = `query($p: ID, $days: Int) { paymentMismatches(poolId: $p, days: $days) {
    kind provider providerPaymentId transaction { id status } ledgerAmount { amount } providerAmount { amount } providerStatus } }`;
  type Found = {
    kind: string;
    providerPaymentId: string | null;
    transaction: { id: string } | null;
    ledgerAmount: { amount: string } | null;
    providerAmount: { amount: string } | null;
  };

  it('lists each kind of mismatch planted between the provider and the ledger, to admins and the pool’s manager only', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const member = pool.members[0]!;
    const admin = await ps.stack.admin();
    // Posted here, then failed there (a silent change at the provider).
    const failedThere = await start(ps, pool.id, member, '10.00', 'CARD');
    await ps.control(`payment_intents/${failedThere.providerPaymentId}/succeed`);
    await eventually(async () =>
      expect((await transactionOf(ps, failedThere.transaction.id, member)).status).toBe('POSTED'),
    );
    await ps.control(`payment_intents/${failedThere.providerPaymentId}/force`, {
      status: 'canceled',
      amount_received: 0,
    });
    // Paid there, still pending here (the webhook is held back).
    const pendingHere = await start(ps, pool.id, member, '20.00', 'CARD');
    await ps.idle();
    await ps.control('webhooks', { hold: true });
    await ps.control(`payment_intents/${pendingHere.providerPaymentId}/succeed`);
    // Both paid, different amounts.
    await ps.control('webhooks', { hold: false });
    const differs = await start(ps, pool.id, member, '30.00', 'CARD');
    await ps.control(`payment_intents/${differs.providerPaymentId}/succeed`, {
      amount_received: 2500,
    });
    await eventually(async () =>
      expect((await transactionOf(ps, differs.transaction.id, member)).status).toBe('POSTED'),
    );
    await ps.control(`payment_intents/${differs.providerPaymentId}/force`, {
      status: 'succeeded',
      amount_received: 3000,
    });
    // A payment at the provider the ledger never opened.
    const stripe = new Stripe(SECRET_KEY, {
      host: '127.0.0.1',
      port: new URL(ps.emulatorUrl).port,
      protocol: 'http',
    });
    const stray = await stripe.paymentIntents.create({
      amount: 4200,
      currency: 'usd',
      metadata: { note: 'stray' },
    });
    // A consistent one, which is no mismatch.
    const fine = await start(ps, pool.id, member, '5.00', 'CARD');
    await ps.control(`payment_intents/${fine.providerPaymentId}/succeed`);
    await eventually(async () =>
      expect((await transactionOf(ps, fine.transaction.id, member)).status).toBe('POSTED'),
    );

    const found = expectData(
      await ps.gql<{ paymentMismatches: Found[] }>(MISMATCHES, {}, admin),
    ).paymentMismatches;
    const byPayment = new Map(found.map((m) => [m.providerPaymentId, m]));
    expect(byPayment.get(failedThere.providerPaymentId)?.kind).toBe('POSTED_HERE_NOT_PAID_THERE');
    expect(byPayment.get(pendingHere.providerPaymentId)?.kind).toBe('PAID_THERE_PENDING_HERE');
    expect(byPayment.get(differs.providerPaymentId)).toMatchObject({
      kind: 'AMOUNT_DIFFERS',
      ledgerAmount: { amount: '25.00' },
      providerAmount: { amount: '30.00' },
    });
    expect(byPayment.get(stray.id)?.kind).toBe('UNKNOWN_HERE');
    expect(byPayment.has(fine.providerPaymentId)).toBe(false);

    const own = expectData(
      await ps.gql<{ paymentMismatches: Found[] }>(MISMATCHES, { p: pool.id }, pool.manager),
    ).paymentMismatches;
    expect(own.map((m) => m.kind).sort()).toEqual([
      'AMOUNT_DIFFERS',
      'PAID_THERE_PENDING_HERE',
      'POSTED_HERE_NOT_PAID_THERE',
    ]);
    const other = await ps.stack.signUp('MANAGER');
    expect(errorCodes(await ps.gql(MISMATCHES, { p: pool.id }, other))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await ps.gql(MISMATCHES, {}, pool.manager))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await ps.gql(MISMATCHES, { p: pool.id }, member))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await ps.gql(MISMATCHES, { days: 0 }, admin))).toEqual(['BAD_USER_INPUT']);

    // The held webhook arrives: that mismatch resolves itself.
    await ps.control('flush', {});
    await ps.idle();
    await eventually(async () =>
      expect((await transactionOf(ps, pendingHere.transaction.id, member)).status).toBe('POSTED'),
    );
    const after = expectData(
      await ps.gql<{ paymentMismatches: Found[] }>(MISMATCHES, { p: pool.id }, pool.manager),
    ).paymentMismatches;
    expect(after.map((m) => m.kind).sort()).toEqual([
      'AMOUNT_DIFFERS',
      'POSTED_HERE_NOT_PAID_THERE',
    ]);
  });
});

describe('reconciliation work at the provider', () => {
  const MISMATCHES = `query($p: ID, $days: Int) { paymentMismatches(poolId: $p, days: $days) { kind providerPaymentId } }`;
  type Requests = Record<string, number>;
  const providerRequests = () => ps.control<Requests>('requests');
  const delta = (before: Requests, after: Requests) =>
    Object.fromEntries(
      Object.entries(after)
        .map(([route, n]) => [route, n - (before[route] ?? 0)] as const)
        .filter(([, n]) => n > 0),
    );

  it('asks the provider only about the pool’s own payments when its manager reconciles, however long the provider’s history', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const member = pool.members[0]!;
    const own = await start(ps, pool.id, member, '10.00', 'CARD');
    await ps.control(`payment_intents/${own.providerPaymentId}/force`, {
      status: 'canceled',
      amount_received: 0,
    });
    // Everyone else's history at the provider: three pages of 100.
    const stripe = new Stripe(SECRET_KEY, {
      host: '127.0.0.1',
      port: new URL(ps.emulatorUrl).port,
      protocol: 'http',
    });
    for (let n = 0; n < 250; n++) {
      await stripe.paymentIntents.create({ amount: 100 + n, currency: 'usd' });
    }

    const before = await providerRequests();
    const found = expectData(
      await ps.gql<{ paymentMismatches: Array<{ kind: string; providerPaymentId: string }> }>(
        MISMATCHES,
        { p: pool.id, days: 365 },
        pool.manager,
      ),
    ).paymentMismatches;
    expect(delta(before, await providerRequests())).toEqual({
      'GET /v1/payment_intents/:id': 1,
    });
    expect(found).toEqual([]);

    // The whole-platform run (admins, the reconcile script) still pages through the history.
    const admin = await ps.stack.admin();
    const whole = expectData(
      await ps.gql<{ paymentMismatches: Array<{ kind: string }> }>(MISMATCHES, {}, admin),
    ).paymentMismatches;
    expect(whole.filter((m) => m.kind === 'UNKNOWN_HERE').length).toBeGreaterThanOrEqual(250);
  });
});

describe('payouts', () => {
  const START_DISTRIBUTION = `mutation($p: ID!, $amount: Decimal!, $key: String!) {
    startDistribution(poolId: $p, amount: $amount, idempotencyKey: $key) { id status investor { id } amount { amount } } }`;
  const SETTLE = (name: string) =>
    `mutation($id: ID!) { ${name}(transactionId: $id) { id status amount { amount } } }`;
  type Payout = {
    id: string;
    status: string;
    investor: { id: string };
    amount: { amount: string };
  };

  it('holds pending payouts out of the spendable cash until they are confirmed or voided, each exactly once', async () => {
    const pool = await openPoolWithMembers(ps, 2);
    const [a, b] = pool.members as [TestUser, TestUser];
    await contribute(ps, pool.id, a, '300.00');
    await contribute(ps, pool.id, b, '100.00');
    const payouts = expectData(
      await ps.gql<{ startDistribution: Payout[] }>(
        START_DISTRIBUTION,
        { p: pool.id, amount: '200.00', key: 'payout-1' },
        pool.manager,
      ),
    ).startDistribution;
    expect(payouts.map((p) => [p.investor.id, p.status, p.amount.amount])).toEqual(
      [
        [a.userId, 'PENDING', '150.00'],
        [b.userId, 'PENDING', '50.00'],
      ].sort((x, y) => (x[0]! < y[0]! ? -1 : 1)),
    );
    let money = await pendingMoney(ps, pool.id, a);
    expect(money.pool.cashBalance!.amount).toBe('400.00');
    expect(money.pool.pendingPayouts!.amount).toBe('200.00');
    expect(money.pool.spendableCash!.amount).toBe('200.00');
    // The held cash is not there for anything else, under any concurrency.
    const tooMuch = await Promise.all(
      Array.from({ length: 5 }, (_, n) =>
        ps.gql(
          START_DISTRIBUTION,
          { p: pool.id, amount: '60.00', key: `payout-more-${n}` },
          pool.manager,
        ),
      ),
    );
    expect(tooMuch.filter((r) => errorCodes(r)[0] === 'INSUFFICIENT_FUNDS')).toHaveLength(2);
    expect(errorCodes(await ps.gql(SETTLE('confirmPayout'), { id: payouts[0]!.id }, a))).toEqual([
      'FORBIDDEN',
    ]);
    const other = await ps.stack.signUp('MANAGER');
    expect(
      errorCodes(await ps.gql(SETTLE('confirmPayout'), { id: payouts[0]!.id }, other)),
    ).toEqual(['NOT_FOUND']);

    const [first, second] = payouts as [Payout, Payout];
    const confirmed = await Promise.all(
      Array.from({ length: 5 }, () =>
        ps.gql(SETTLE('confirmPayout'), { id: first.id }, pool.manager),
      ),
    );
    for (const c of confirmed) expect(errorCodes(c)).toEqual([]);
    expect(errorCodes(await ps.gql(SETTLE('voidPayout'), { id: first.id }, pool.manager))).toEqual([
      'CONFLICT',
    ]);
    expectData(await ps.gql(SETTLE('voidPayout'), { id: second.id }, pool.manager));
    money = await pendingMoney(ps, pool.id, a);
    expect(money.pool.pendingPayouts!.amount).toBe('180.00'); // the three payouts of 60.00 above
    expect(money.pool.cashBalance!.amount).toBe(`${400 - Number(first.amount.amount)}.00`);
  });
});
