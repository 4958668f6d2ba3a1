import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@poolgraph/testing';
import type { Stack, TestUser } from '@poolgraph/test-stack';
import {
  createPartnerClient,
  PartnerCallError,
  verifyWebhook,
  WebhookVerificationError,
  type PartnerClient,
} from '../src/index.ts';
import {
  as,
  contribute,
  join,
  openPool,
  partnerKey,
  revokeKey,
  startPartnerStack,
} from './fixtures.ts';

/**
 * The SDK's live side through the real stack: a delegated key's subscriptions (by id, the key in
 * connection_init) and the platform's signed webhooks, delivered by the alerts service to a
 * real HTTP receiver and checked with verifyWebhook.
 */
let stack: Stack;
let managerA: TestUser;
let investor: TestUser;
let a1: string;
let b1: string;
let key: { secret: string; id: string };
let receiver: Server;
let webhookSecret: string;
const deliveries: Array<{ headers: IncomingHttpHeaders; body: Buffer }> = [];
const clients: PartnerClient[] = [];

const clientWith = (apiKey: string) => {
  const client = createPartnerClient({ url: stack.gatewayUrl, apiKey, retryAttempts: 0 });
  clients.push(client);
  return client;
};

/** Reads an iterator in the background: its events, and the error it ended with. */
function collect<T>(iterator: AsyncIterableIterator<T>) {
  const feed = { events: [] as T[], error: undefined as unknown, iterator };
  void (async () => {
    try {
      for await (const event of iterator) feed.events.push(event);
    } catch (error) {
      feed.error = error;
    }
  })();
  return feed;
}

/** Subscriptions reach the subgraphs asynchronously: wait until `service` serves `count`. */
const serving = (service: 'ledger' | 'alerts', count: number) =>
  eventually(async () => {
    const text = await (await fetch(`${stack.urls[service]}/metrics`)).text();
    const pattern = new RegExp(`^${service}_live_subscriptions(?:{[^}]*})? (\\d+)$`, 'm');
    expect(Number(pattern.exec(text)?.[1] ?? 0)).toBe(count);
  }, 10_000);

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      deliveries.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  stack = await startPartnerStack({ serviceConfig: { alerts: { pollIntervalMs: 50 } } });
  let managerB: TestUser;
  [managerA, managerB, investor] = await Promise.all([
    stack.signUp('MANAGER'),
    stack.signUp('MANAGER'),
    stack.signUp('INVESTOR'),
  ]);
  [a1, b1] = await Promise.all([
    openPool(stack, managerA, 'A one'),
    openPool(stack, managerB, 'B one'),
  ]);
  await Promise.all([join(stack, a1, investor), join(stack, b1, investor)]);
  key = await partnerKey(stack, managerA, { scopes: ['pools:read', 'ledger:read'], poolIds: [a1] });
  const { port } = receiver.address() as AddressInfo;
  const { addNotificationChannel } = await as<{ addNotificationChannel: { secret: string } }>(
    stack,
    managerA,
    'mutation($i: NotificationChannelInput!) { addNotificationChannel(input: $i) { secret } }',
    { i: { kind: 'WEBHOOK', url: `http://127.0.0.1:${port}/poolgraph` } },
  );
  webhookSecret = addNotificationChannel.secret;
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await stack?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('the partner SDK, live', () => {
  let tx: string;

  it("streams the key's pool's balances and alerts, and refuses another manager's pool", async () => {
    const client = clientWith(key.secret);
    const balances = collect(client.subscribe('PartnerBalanceChanged', { poolId: a1 }));
    const alerts = collect(client.subscribe('PartnerAlertRaised'));
    const ofB = client.subscribe('PartnerBalanceChanged', { poolId: b1 });
    const refused = await ofB.next().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PartnerCallError);
    expect((refused as PartnerCallError).code).toBe('NOT_FOUND');
    await serving('ledger', 1);
    await serving('alerts', 1);

    // A large contribution in B's pool first, then one in the key's pool.
    await contribute(stack, b1, investor, '20.00');
    tx = await contribute(stack, a1, investor, '20.00');
    await eventually(async () => {
      expect(balances.events.map((e) => e.balanceChanged.transaction?.id)).toContain(tx);
      expect(alerts.events.map((e) => e.alertRaised.transaction?.id)).toContain(tx);
    }, 30_000);
    expect(new Set(balances.events.map((e) => e.balanceChanged.pool.id))).toEqual(new Set([a1]));
    expect(new Set(alerts.events.map((e) => e.alertRaised.pool.id))).toEqual(new Set([a1]));
    expect([balances.error, alerts.error]).toEqual([undefined, undefined]);

    // Leaving the loop ends the subscription at the subgraphs too.
    await balances.iterator.return?.();
    await alerts.iterator.return?.();
    await serving('ledger', 0);
    await serving('alerts', 0);
  }, 90_000);

  it('verifies the signed webhook of that alert, and refuses it altered, with another secret or late', async () => {
    const delivery = await eventually(async () => {
      const found = deliveries.find((d) => d.body.toString().includes(tx));
      expect(found).toBeDefined();
      return found!;
    }, 30_000);
    const payload = verifyWebhook({
      secret: webhookSecret,
      body: delivery.body,
      headers: delivery.headers,
    });
    expect(payload.alert).toMatchObject({
      poolId: a1,
      transactionId: tx,
      kind: 'LARGE_TRANSACTION',
    });

    const reasonOf = (input: Partial<Parameters<typeof verifyWebhook>[0]>) => {
      try {
        verifyWebhook({
          secret: webhookSecret,
          body: delivery.body,
          headers: delivery.headers,
          ...input,
        });
      } catch (error) {
        expect(error).toBeInstanceOf(WebhookVerificationError);
        return (error as WebhookVerificationError).reason;
      }
      return 'accepted';
    };
    const altered = delivery.body.toString().replace('"LARGE_TRANSACTION"', '"TRANSACTION_SPIKE"');
    expect(reasonOf({ body: altered })).toBe('BAD_SIGNATURE');
    expect(reasonOf({ secret: 'f'.repeat(64) })).toBe('BAD_SIGNATURE');
    const signedAt = Number(delivery.headers['x-poolgraph-timestamp']) * 1000;
    expect(reasonOf({ now: signedAt + 301_000 })).toBe('STALE_TIMESTAMP');
  }, 60_000);

  it('ends a live feed with closeCode 4401 when its key is revoked, and refuses an unknown key', async () => {
    const own = await partnerKey(stack, managerA, { scopes: ['ledger:read'], poolIds: [a1] });
    const feed = collect(
      clientWith(own.secret).subscribe('PartnerTransactionPosted', { poolId: a1 }),
    );
    await serving('ledger', 1);
    await revokeKey(stack, managerA, own.id);
    await eventually(async () => expect(feed.error).toBeInstanceOf(PartnerCallError), 10_000);
    expect(feed.error).toMatchObject({ closeCode: 4401, code: 'UNAUTHENTICATED' });

    const unknown = clientWith(`pgk_${'A'.repeat(43)}`).subscribe('PartnerAlertRaised');
    const refused = await unknown.next().catch((error: unknown) => error);
    expect(refused).toMatchObject({ closeCode: 4401, code: 'UNAUTHENTICATED' });
  }, 60_000);
});
