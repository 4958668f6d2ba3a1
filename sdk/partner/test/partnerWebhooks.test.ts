import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, graphql } from '@poolgraph/testing';
import type { Stack, TestUser } from '@poolgraph/test-stack';
import {
  verifyPartnerEvent,
  WebhookVerificationError,
  type PartnerEvent,
  type WebhookDelivery,
} from '../src/index.ts';
import { as, contribute, join, openPool, partnerKey, startPartnerStack } from './fixtures.ts';

/**
 * Partner webhooks as a partner meets them: the manager registers one for a delegated key
 * through the gateway, the alerts service posts the key's pool events to a real HTTP receiver,
 * and verifyPartnerEvent checks each delivery and answers the typed event.
 */
let stack: Stack;
let manager: TestUser;
let investor: TestUser;
let a1: string;
let b1: string;
let receiver: Server;
let hook: { id: string; secret: string };
let keyId: string;
let port: number;
type Received = { headers: IncomingHttpHeaders; body: Buffer };
/** What the receiver got at /poolgraph (the first webhook's), and at /money. */
const received: Received[] = [];
const receivedMoney: Received[] = [];

const delivery = (body: Buffer, headers: IncomingHttpHeaders): WebhookDelivery => ({
  secret: hook.secret,
  body,
  headers,
});
/** Every delivery received so far, verified (a refusal fails the test). */
const verified = () => received.map((r) => verifyPartnerEvent(delivery(r.body, r.headers)));

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const to = req.url === '/money' ? receivedMoney : received;
      to.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  stack = await startPartnerStack({ serviceConfig: { alerts: { pollIntervalMs: 50 } } });
  let other: TestUser;
  [manager, other, investor] = await Promise.all([
    stack.signUp('MANAGER'),
    stack.signUp('MANAGER'),
    stack.signUp('INVESTOR'),
  ]);
  [a1, b1] = await Promise.all([openPool(stack, manager, 'A one'), openPool(stack, other, 'B')]);
  await Promise.all([join(stack, a1, investor), join(stack, b1, investor)]);
  const key = await partnerKey(stack, manager, {
    scopes: ['pools:read', 'ledger:read'],
    poolIds: [a1],
  });
  keyId = key.id;
  ({ port } = receiver.address() as AddressInfo);
  // The manager registers it with their own token; alerts hears of the key within moments.
  const { addPartnerWebhook } = await eventually(
    () =>
      as<{ addPartnerWebhook: { secret: string; webhook: { id: string } } }>(
        stack,
        manager,
        'mutation($i: PartnerWebhookInput!) { addPartnerWebhook(input: $i) { secret webhook { id } } }',
        {
          i: {
            apiKeyId: key.id,
            url: `http://127.0.0.1:${port}/poolgraph`,
            eventTypes: ['TRANSACTION_POSTED', 'ALERT_RAISED'],
          },
        },
      ),
    15_000,
  );
  hook = { id: addPartnerWebhook.webhook.id, secret: addPartnerWebhook.secret };
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('partner webhooks, verified with the SDK', () => {
  let tx: string;
  let posted: { event: PartnerEvent; body: Buffer; headers: IncomingHttpHeaders };

  it("verifies the key's pool's transaction and alert as typed events, and nothing of another pool", async () => {
    await contribute(stack, b1, investor, '20.00');
    tx = await contribute(stack, a1, investor, '20.00');
    const events = await eventually(async () => {
      const all = verified();
      expect(all.map((e) => e.type).sort()).toEqual(['ALERT_RAISED', 'TRANSACTION_POSTED']);
      return all;
    }, 30_000);
    const index = events.findIndex((e) => e.type === 'TRANSACTION_POSTED');
    posted = { event: events[index]!, ...received[index]! };

    const transaction = events.find((e) => e.type === 'TRANSACTION_POSTED');
    expect(transaction).toMatchObject({ poolId: a1, webhookId: hook.id });
    expect(transaction?.data).toEqual({
      poolName: 'A one',
      transaction: {
        id: tx,
        poolId: a1,
        investorId: investor.userId,
        type: 'CONTRIBUTION',
        status: 'POSTED',
        amount: { amount: '20.00', currency: 'USD' },
        cashBalance: { amount: '20.00', currency: 'USD' },
      },
    });
    const alert = events.find((e) => e.type === 'ALERT_RAISED');
    expect(alert?.type === 'ALERT_RAISED' && alert.data.alert).toMatchObject({
      poolId: a1,
      kind: 'LARGE_TRANSACTION',
      transactionId: tx,
    });
  }, 60_000);

  it('refuses the delivery altered, with another secret, or late', () => {
    const { body, headers } = posted;
    const reasonOf = (change: Partial<WebhookDelivery>) => {
      try {
        verifyPartnerEvent({ ...delivery(body, headers), ...change });
      } catch (error) {
        expect(error).toBeInstanceOf(WebhookVerificationError);
        return (error as WebhookVerificationError).reason;
      }
      return 'accepted';
    };
    expect(reasonOf({})).toBe('accepted');
    expect(reasonOf({ body: body.toString().replace('"20.00"', '"2000.00"') })).toBe(
      'BAD_SIGNATURE',
    );
    expect(reasonOf({ secret: 'f'.repeat(64) })).toBe('BAD_SIGNATURE');
    const signedAt = Number(headers['x-poolgraph-timestamp']) * 1000;
    expect(reasonOf({ now: signedAt + 301_000 })).toBe('STALE_TIMESTAMP');
  });

  it('a replay (redeliverPartnerWebhook) arrives signed afresh with the same ids: dedupe on eventId', async () => {
    const before = received.length;
    const { redeliverPartnerWebhook } = await as<{ redeliverPartnerWebhook: number }>(
      stack,
      manager,
      'mutation($w: ID!, $d: ID) { redeliverPartnerWebhook(webhookId: $w, deliveryId: $d) }',
      { w: hook.id, d: posted.event.deliveryId },
    );
    expect(redeliverPartnerWebhook).toBe(1);
    const again = await eventually(async () => {
      expect(received.length).toBe(before + 1);
      return verified()[before]!;
    }, 30_000);
    expect(again).toEqual(posted.event);
  }, 60_000);
});

describe('held and refunded money, verified with the SDK', () => {
  it('tells a webhook that asked for them of money held for an investor and paid back, and no other', async () => {
    const { addPartnerWebhook } = await as<{
      addPartnerWebhook: { secret: string; webhook: { id: string } };
    }>(
      stack,
      manager,
      'mutation($i: PartnerWebhookInput!) { addPartnerWebhook(input: $i) { secret webhook { id } } }',
      {
        i: {
          apiKeyId: keyId,
          url: `http://127.0.0.1:${port}/money`,
          eventTypes: ['PAYMENT_HELD', 'PAYMENT_REFUNDED'],
        },
      },
    );
    // A bank transfer started, cancelled, and sent anyway: held, then paid back by the manager.
    const { startContribution } = await as<{
      startContribution: { transaction: { id: string }; bankTransfer: { reference: string } };
    }>(
      stack,
      investor,
      `mutation($p: ID!, $k: String!) { startContribution(poolId: $p, amount: "4.00",
        method: BANK_TRANSFER, idempotencyKey: $k) { transaction { id } bankTransfer { reference } } }`,
      { p: a1, k: `sdk-test-held-${Date.now()}` },
    );
    const tx = startContribution.transaction.id;
    await as(
      stack,
      investor,
      'mutation($t: ID!) { cancelContribution(transactionId: $t) { id } }',
      {
        t: tx,
      },
    );
    const late = await graphql(
      stack.gatewayUrl,
      'mutation($r: String!) { confirmBankTransfer(reference: $r, amount: "4.00") { id } }',
      { r: startContribution.bankTransfer.reference },
      { token: manager.token },
    );
    expect(late.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await as(
      stack,
      manager,
      'mutation($t: ID!) { refundPayment(transactionId: $t) { held { amount } } }',
      {
        t: tx,
      },
    );
    const secret = addPartnerWebhook.secret;
    const events = await eventually(async () => {
      const all = receivedMoney.map((r) => verifyPartnerEvent({ secret, ...r }));
      expect(all.map((e) => e.type).sort()).toEqual(['PAYMENT_HELD', 'PAYMENT_REFUNDED']);
      return all;
    }, 30_000);
    const payment = {
      transactionId: tx,
      poolId: a1,
      investorId: investor.userId,
      method: 'BANK_TRANSFER',
      amount: { amount: '4.00', currency: 'USD' },
      received: { amount: '4.00', currency: 'USD' },
      contributionStatus: 'VOIDED',
    };
    for (const event of events) {
      expect(event).toMatchObject({ poolId: a1, webhookId: addPartnerWebhook.webhook.id });
      expect(event.data).toEqual({ poolName: 'A one', payment });
    }
    // The first webhook did not ask for them.
    expect(verified().some((e) => e.type.startsWith('PAYMENT'))).toBe(false);
  }, 60_000);
});
