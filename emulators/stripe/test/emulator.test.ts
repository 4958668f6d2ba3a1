import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseForm } from '../src/form.ts';
import { createStripeEmulator } from '../src/server.ts';

describe('form bodies', () => {
  it('parses bracketed keys as the Stripe SDK writes them', () => {
    expect(
      parseForm('amount=100&metadata[transaction_id]=t-1&allowed_payment_method_types[0]=card'),
    ).toEqual({
      amount: '100',
      metadata: { transaction_id: 't-1' },
      allowed_payment_method_types: { 0: 'card' },
    });
  });
});

describe('the emulator', () => {
  const received: Array<{ signature: string; body: string }> = [];
  let failuresLeft = 2;
  const hook = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (failuresLeft-- > 0) {
        res.statusCode = 500;
        return res.end();
      }
      received.push({ signature: String(req.headers['stripe-signature']), body });
      res.end('{}');
    });
  });
  const emulator = createStripeEmulator({ secretKey: 'sk_test_x', retryBaseMs: 10 });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    url = await emulator.listen(0);
    const port = (hook.address() as AddressInfo).port;
    await fetch(`${url}/_emulator/webhooks`, {
      method: 'POST',
      body: JSON.stringify({ url: `http://127.0.0.1:${port}/`, secret: 'whsec_x' }),
    });
  });
  afterAll(async () => {
    await emulator.stop();
    hook.close();
  });

  it('refuses a wrong key, replays an Idempotency-Key, and retries signed webhooks until they are taken', async () => {
    const create = (key: string, token = 'sk_test_x', amount = '500') =>
      fetch(`${url}/v1/payment_intents`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'idempotency-key': key,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: `amount=${amount}&currency=usd`,
      });
    expect((await create('k1', 'sk_test_wrong')).status).toBe(401);
    const first = (await (await create('k1')).json()) as { id: string };
    const again = (await (await create('k1')).json()) as { id: string };
    expect(again.id).toBe(first.id);
    expect((await create('k1', 'sk_test_x', '600')).status).toBe(400);
    await emulator.idle();
    expect(received).toHaveLength(1);
    const [event] = received;
    const [t, v1] = event!.signature.split(',').map((part) => part.split('=')[1]);
    expect(createHmac('sha256', 'whsec_x').update(`${t}.${event!.body}`).digest('hex')).toBe(v1);
    expect(JSON.parse(event!.body)).toMatchObject({
      type: 'payment_intent.created',
      data: { object: { id: first.id } },
    });
  });

  it("sends only the event types the endpoint enabled, as Stripe's enabled_events", async () => {
    const control = (body: object) =>
      fetch(`${url}/_emulator/webhooks`, { method: 'POST', body: JSON.stringify(body) });
    const call = (path: string, body: string) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer sk_test_x',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body,
      });
    received.length = 0;
    await control({ events: ['payment_intent.succeeded', 'payment_intent.canceled'] });
    try {
      const created = await call('/v1/payment_intents', 'amount=700&currency=usd');
      const intent = (await created.json()) as { id: string };
      await call(`/v1/payment_intents/${intent.id}/confirm`, 'payment_method=pm_card_visa');
      await emulator.idle();
      expect(received.map((r) => (JSON.parse(r.body) as { type: string }).type)).toEqual([
        'payment_intent.succeeded',
      ]);
    } finally {
      await control({ events: ['*'] });
    }
  });
});
