import { describe, expect, it } from 'vitest';
import { eventually, graphql } from '@poolgraph/testing';
import type { TestUser } from '@poolgraph/test-stack';
import {
  CHARGE_FEE,
  contribute,
  DISTRIBUTE,
  errorCodes,
  expectData,
  key,
  openPoolWithMembers,
  WITHDRAW,
  writtenRows,
} from './helpers.ts';
import {
  countRows,
  paymentMoneyEvents,
  pendingMoney,
  signedWebhook,
  start,
  START,
  transactionOf,
  usePaymentsStack,
} from './payments.ts';
import { STRIPE_WEBHOOK_EVENTS } from '../src/payments/webhook.ts';

const ps = usePaymentsStack();

const eventuallyStatus = (id: string, user: TestUser, status: string) =>
  eventually(async () => {
    const tx = await transactionOf(ps, id, user);
    expect(tx.status).toBe(status);
    return tx;
  }, 10_000);

const postWebhook = (payload: string, signature?: string) =>
  fetch(ps.webhookUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(signature ? { 'stripe-signature': signature } : {}),
    },
    body: payload,
  });

describe('card contributions through the Stripe emulator', () => {
  it('reserves a card contribution as PENDING, not cash and not spendable, then posts it in full when paid', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const investor = pool.members[0]!;
    const intent = await start(ps, pool.id, investor, '250.00', 'CARD');
    expect(intent.method).toBe('CARD');
    expect(intent.clientSecret).toMatch(/^pi_\w+_secret_\w+$/);
    expect(intent.providerPaymentId).toMatch(/^pi_/);
    expect(intent.transaction).toMatchObject({
      status: 'PENDING',
      type: 'CONTRIBUTION',
      amount: { amount: '250.00', currency: 'USD' },
      reservedAmount: { amount: '250.00' },
    });
    const pending = await pendingMoney(ps, pool.id, investor);
    expect(pending.pool.cashBalance!.amount).toBe('0.00');
    expect(pending.pool.pendingContributions!.amount).toBe('250.00');
    expect(pending.pool.totalContributed!.amount).toBe('0.00');
    expect(pending.position?.pending!.amount).toBe('250.00');
    expect(pending.position?.capital!.amount).toBe('0.00');

    const confirmed = await ps.confirmCard(intent.providerPaymentId!, intent.clientSecret!);
    expect(confirmed.status).toBe(200);
    const posted = await eventuallyStatus(intent.transaction.id, investor, 'POSTED');
    expect(posted.amount.amount).toBe('250.00');
    const after = await pendingMoney(ps, pool.id, investor);
    expect(after.pool.cashBalance!.amount).toBe('250.00');
    expect(after.pool.pendingContributions!.amount).toBe('0.00');
    expect(after.position?.contributed!.amount).toBe('250.00');
    expect(after.position?.pending!.amount).toBe('0.00');
    await ps.idle();
  });

  it('posts the smaller amount when only part of the payment arrives', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const investor = pool.members[0]!;
    const intent = await start(ps, pool.id, investor, '100.00', 'CARD');
    await ps.control(`payment_intents/${intent.providerPaymentId}/succeed`, {
      amount_received: 6050,
    });
    const posted = await eventuallyStatus(intent.transaction.id, investor, 'POSTED');
    expect(posted.amount.amount).toBe('60.50');
    expect(posted.reservedAmount?.amount).toBe('100.00');
    const money = await pendingMoney(ps, pool.id, investor);
    expect(money.pool.cashBalance!.amount).toBe('60.50');
    expect(money.pool.pendingContributions!.amount).toBe('0.00');
    await ps.idle();
  });

  it('voids a declined payment and cancels it at the provider, so it can never be taken later', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const investor = pool.members[0]!;
    const intent = await start(ps, pool.id, investor, '75.00', 'CARD');
    const declined = await ps.confirmCard(
      intent.providerPaymentId!,
      intent.clientSecret!,
      'pm_card_chargeDeclined',
    );
    expect(declined.status).toBe(200);
    await eventuallyStatus(intent.transaction.id, investor, 'VOIDED');
    await ps.idle();
    const retry = await ps.confirmCard(intent.providerPaymentId!, intent.clientSecret!);
    expect(retry.status).toBe(400);
    expect(((await retry.json()) as { error: { message: string } }).error.message).toMatch(
      /canceled/,
    );
    const money = await pendingMoney(ps, pool.id, investor);
    expect(money.pool.cashBalance!.amount).toBe('0.00');
    expect(money.pool.pendingContributions!.amount).toBe('0.00');
  });

  it('voids a payment nobody paid once it times out, cancelling it at the provider', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const investor = pool.members[0]!;
    const intent = await start(ps, pool.id, investor, '40.00', 'CARD');
    // Time passes: the transaction's expiry is now behind us; the sweeper runs every 200 ms.
    await ps.ledger.pool.query(
      'UPDATE transactions SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE id = ?',
      [intent.transaction.id],
    );
    await eventuallyStatus(intent.transaction.id, investor, 'VOIDED');
    const late = await ps.confirmCard(intent.providerPaymentId!, intent.clientSecret!);
    expect(late.status).toBe(400);
    await ps.idle();
  });

  it('posts, not voids, a payment that succeeded at the provider while its webhook was still on the way at expiry', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const investor = pool.members[0]!;
    const intent = await start(ps, pool.id, investor, '30.00', 'CARD');
    await ps.control('webhooks', { hold: true });
    await ps.confirmCard(intent.providerPaymentId!, intent.clientSecret!);
    await ps.ledger.pool.query(
      'UPDATE transactions SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE id = ?',
      [intent.transaction.id],
    );
    const posted = await eventuallyStatus(intent.transaction.id, investor, 'POSTED');
    expect(posted.amount.amount).toBe('30.00');
    await ps.control('flush', { order: 'reverse' });
    await ps.idle();
    expect((await transactionOf(ps, intent.transaction.id, investor)).status).toBe('POSTED');
  });

  it('applies duplicated, out-of-order webhooks once: one posting, one event, one balance change', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const investor = pool.members[0]!;
    // An endpoint that takes every event (the ledger's own takes no .created), to have two.
    await ps.control('webhooks', { hold: true, duplicates: 3, events: ['*'] });
    const intent = await start(ps, pool.id, investor, '500.00', 'CARD');
    await ps.confirmCard(intent.providerPaymentId!, intent.clientSecret!);
    // payment_intent.succeeded arrives first, then .created; each three times, concurrently.
    expect((await ps.control<{ sent: number }>('flush', { order: 'reverse' })).sent).toBe(2);
    await ps.control('webhooks', { duplicates: 1, events: STRIPE_WEBHOOK_EVENTS });
    await ps.idle();
    await eventuallyStatus(intent.transaction.id, investor, 'POSTED');
    const id = intent.transaction.id;
    expect(await countRows(ps, 'entries', `transaction_id = '${id}'`)).toBe(2);
    expect(
      await countRows(
        ps,
        'outbox',
        `type = 'TransactionPosted' AND JSON_VALUE(payload, '$.transactionId') = '${id}'`,
      ),
    ).toBe(1);
    expect(
      await countRows(
        ps,
        'provider_events',
        `JSON_VALUE(payload, '$.data.object.id') = '${intent.providerPaymentId}'`,
      ),
    ).toBe(2);
    const money = await pendingMoney(ps, pool.id, investor);
    expect(money.pool.cashBalance!.amount).toBe('500.00');
  });

  it('handles the webhook that arrives before the create call returns', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const investor = pool.members[0]!;
    await ps.control('next_create', { confirmWith: 'pm_card_visa' });
    const intent = await start(ps, pool.id, investor, '12.34', 'CARD');
    // The succeeded webhook was delivered and processed before startContribution got its answer.
    expect(intent.transaction.status).toBe('POSTED');
    expect(intent.clientSecret).toBeNull();
    expect(intent.providerPaymentId).toMatch(/^pi_/);
    const money = await pendingMoney(ps, pool.id, investor);
    expect(money.pool.cashBalance!.amount).toBe('12.34');
    await ps.idle();
  });

  it('refuses forged, stale and unknown-payment webhooks, writing no money and storing nothing unverified', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const investor = pool.members[0]!;
    const intent = await start(ps, pool.id, investor, '90.00', 'CARD');
    const before = await writtenRows(ps);
    const storedBefore = await countRows(ps, 'provider_events');
    const fake = {
      id: 'evt_forged',
      object: 'event',
      type: 'payment_intent.succeeded',
      created: Math.floor(Date.now() / 1000),
      data: {
        object: {
          id: intent.providerPaymentId,
          object: 'payment_intent',
          amount: 9000,
          amount_received: 9000,
          currency: 'usd',
          status: 'succeeded',
          metadata: { transaction_id: intent.transaction.id },
        },
      },
    };
    const forged = signedWebhook(fake, 'whsec_attacker_guess');
    expect((await postWebhook(forged.payload, forged.signature)).status).toBe(400);
    expect((await postWebhook(forged.payload)).status).toBe(400);
    const genuine = signedWebhook(fake);
    const tampered = genuine.payload.replace('9000', '1');
    expect((await postWebhook(tampered, genuine.signature)).status).toBe(400);
    const stale = signedWebhook(fake, undefined, Date.now() - 3_600_000);
    expect((await postWebhook(stale.payload, stale.signature)).status).toBe(400);
    expect(await countRows(ps, 'provider_events')).toBe(storedBefore);
    // Correctly signed, but about a payment this ledger never opened.
    const unknown = signedWebhook({
      ...fake,
      id: 'evt_unknown_payment',
      data: { object: { ...fake.data.object, id: 'pi_unknown', metadata: {} } },
    });
    expect((await postWebhook(unknown.payload, unknown.signature)).status).toBe(404);
    expect(await writtenRows(ps)).toEqual(before);
    expect((await transactionOf(ps, intent.transaction.id, investor)).status).toBe('PENDING');
    // A signed event that lies about the state changes nothing: the ledger asks the provider.
    const lie = signedWebhook({ ...fake, id: 'evt_lying' });
    expect((await postWebhook(lie.payload, lie.signature)).status).toBe(200);
    expect((await transactionOf(ps, intent.transaction.id, investor)).status).toBe('PENDING');
    expect(await writtenRows(ps)).toEqual(before);
  });

  it('settles one pending payment exactly once when posts and voids race', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const investor = pool.members[0]!;
    const intent = await start(ps, pool.id, investor, '80.00', 'CARD');
    const { settlePending } = await import('../src/movements/settlePending.ts');
    const { selectTransactionsByIds } = await import('../src/data/transactions.ts');
    const [pending] = await selectTransactionsByIds(ps.ledger.db, [intent.transaction.id]);
    const attempts = Array.from({ length: 30 }, (_, n) =>
      settlePending(
        ps.ledger.db,
        pending!,
        n % 3 === 0
          ? { status: 'VOIDED' }
          : { status: 'POSTED', amount: BigInt(1000 + (n % 2) * 7000) },
      ).then(
        (result) => ({ ok: true as const, changed: result.changed, status: result.row.status }),
        (error: Error) => ({ ok: false as const, message: error.message }),
      ),
    );
    const results = await Promise.all(attempts);
    const winners = results.filter((r) => r.ok && r.changed);
    expect(winners).toHaveLength(1);
    for (const r of results) if (!r.ok) expect(r.message).toMatch(/already (POSTED|VOIDED)/);
    const final = await transactionOf(ps, intent.transaction.id, investor);
    expect(final.status).toBe(winners[0]!.ok ? winners[0]!.status : '');
    const entries = await countRows(ps, 'entries', `transaction_id = '${intent.transaction.id}'`);
    expect(entries).toBe(final.status === 'POSTED' ? 2 : 0);
    await ps.control(`payment_intents/${intent.providerPaymentId}/force`, { status: 'canceled' });
  });

  it('refunds a card paid after the ledger voided it, telling the payer once of each', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const investor = pool.members[0]!;
    const intent = await start(ps, pool.id, investor, '45.00', 'CARD');
    const { settlePending } = await import('../src/movements/settlePending.ts');
    const { selectTransactionsByIds } = await import('../src/data/transactions.ts');
    const [pending] = await selectTransactionsByIds(ps.ledger.db, [intent.transaction.id]);
    await settlePending(ps.ledger.db, pending!, { status: 'VOIDED' });
    // The card is charged anyway (the provider's answer raced the void): held, then refunded.
    expect((await ps.confirmCard(intent.providerPaymentId!, intent.clientSecret!)).status).toBe(
      200,
    );
    await eventually(async () => {
      expect(await paymentMoneyEvents(ps, intent.transaction.id)).toEqual([
        'PaymentHeld 4500 of 4500 (CARD, VOIDED)',
        'PaymentRefunded 4500 of 4500 (CARD, VOIDED)',
      ]);
    }, 10_000);
    expect((await transactionOf(ps, intent.transaction.id, investor)).status).toBe('VOIDED');
  });

  it('never lets pending money be spent: no distribution, fee or withdrawal out of it', async () => {
    const pool = await openPoolWithMembers(ps, 2);
    const [payer, other] = pool.members as [TestUser, TestUser];
    await contribute(ps, pool.id, other, '100.00');
    const intent = await start(ps, pool.id, payer, '1000.00', 'CARD');
    const tooMuch = (query: string) =>
      ps.gql(query, { poolId: pool.id, amount: '150.00', key: key('spend') }, pool.manager);
    expect(errorCodes(await tooMuch(DISTRIBUTE))).toEqual(['INSUFFICIENT_FUNDS']);
    expect(errorCodes(await tooMuch(CHARGE_FEE))).toEqual(['INSUFFICIENT_FUNDS']);
    const withdraw = await ps.gql(
      WITHDRAW,
      { poolId: pool.id, amount: '1.00', key: key('w') },
      payer,
    );
    expect(errorCodes(withdraw)).toEqual(['INSUFFICIENT_FUNDS']);
    expect((await pendingMoney(ps, pool.id, payer)).pool.spendableCash!.amount).toBe('100.00');
    await ps.control(`payment_intents/${intent.providerPaymentId}/force`, { status: 'canceled' });
  });
});

describe('pending money on entity references', () => {
  it("answers a direct _entities call with the pool's pending money, and hides a CLOSED pool's from a stranger", async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const investor = pool.members[0]!;
    const started = await start(ps, pool.id, investor, '33.00', 'BANK_TRANSFER');
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Pool { id pendingContributions { amount } pendingPayouts { amount } spendableCash { amount } } } }`;
    const direct = (token: string) =>
      graphql(
        `${ps.stack.urls.ledger}/graphql`,
        ENTITIES,
        {
          r: [{ __typename: 'Pool', id: pool.id, currency: 'USD' }],
        },
        { token },
      );
    expect(expectData(await direct(pool.manager.token))).toEqual({
      _entities: [
        {
          id: pool.id,
          pendingContributions: { amount: '33.00' },
          pendingPayouts: { amount: '0.00' },
          spendableCash: { amount: '0.00' },
        },
      ],
    });
    expectData(
      await ps.gql(
        'mutation($t: ID!) { cancelContribution(transactionId: $t) { status } }',
        { t: started.id },
        pool.manager,
      ),
    );
    expectData(
      await ps.gql(
        'mutation($id: ID!) { closePool(id: $id) { id } }',
        { id: pool.id },
        pool.manager,
      ),
    );
    const stranger = await ps.stack.signUp('INVESTOR');
    await eventually(async () =>
      expect(errorCodes(await direct(stranger.token))).toEqual(['FORBIDDEN']),
    );
  });
});

describe('startContribution rules', () => {
  it('replays a key as the same payment, refuses its reuse, and refuses non-members and bad input', async () => {
    const pool = await openPoolWithMembers(ps, 1);
    const investor = pool.members[0]!;
    const k = key('start');
    const first = await start(ps, pool.id, investor, '10.00', 'CARD', k);
    const again = await Promise.all(
      Array.from({ length: 10 }, () => start(ps, pool.id, investor, '10.0', 'CARD', k)),
    );
    for (const replay of again) {
      expect(replay.transaction.id).toBe(first.transaction.id);
      expect(replay.providerPaymentId).toBe(first.providerPaymentId);
    }
    expect(await countRows(ps, 'payments', `pool_id = '${pool.id}'`)).toBe(1);
    const reuse = await ps.gql(
      START,
      { poolId: pool.id, amount: '11.00', method: 'CARD', key: k },
      investor,
    );
    expect(errorCodes(reuse)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    const otherMethod = await ps.gql(
      START,
      { poolId: pool.id, amount: '10.00', method: 'BANK_TRANSFER', key: k },
      investor,
    );
    expect(errorCodes(otherMethod)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    const stranger = await ps.stack.signUp('INVESTOR');
    const refused = await ps.gql(
      START,
      { poolId: pool.id, amount: '5.00', method: 'CARD', key: key() },
      stranger,
    );
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    const manager = await ps.gql(
      START,
      { poolId: pool.id, amount: '5.00', method: 'CARD', key: key() },
      pool.manager,
    );
    expect(errorCodes(manager)).toEqual(['FORBIDDEN']);
    for (const amount of ['0', '-1', '1.001', 'abc']) {
      const bad = await ps.gql(
        START,
        { poolId: pool.id, amount, method: 'CARD', key: key() },
        investor,
      );
      expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    }
    await ps.control(`payment_intents/${first.providerPaymentId}/force`, { status: 'canceled' });
    expectData(await ps.gql('query { __typename }'));
  });
});
