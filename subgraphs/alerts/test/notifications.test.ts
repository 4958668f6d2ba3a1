import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, eventually, startSmtpCapture, type SmtpCapture } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { alertsWorld } from './world.ts';

// Notifications through the outbox: a real HTTP receiver and a real SMTP server process.
interface Received {
  headers: IncomingMessage['headers'];
  body: string;
  answered: number;
}
let stack: Stack;
const world = alertsWorld(() => stack);
let receiver: Server;
let receiverUrl: string;
const received: Record<string, Received[]> = { flaky: [], down: [] };
let downIsUp = false;
let smtp: SmtpCapture;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url!.slice(1);
      const list = (received[path] ??= []);
      const answered =
        path === 'flaky' ? (list.length < 3 ? 500 : 200) : path === 'down' && !downIsUp ? 503 : 200;
      list.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  smtp = await startSmtpCapture();

  stack = await startStack({
    serviceConfig: {
      alerts: {
        retry: { maxAttempts: 4, baseDelayMs: 40, maxDelayMs: 200 },
        pollIntervalMs: 50,
        smtpUrl: smtp.url,
      },
    },
  });
});

afterAll(async () => {
  await stack?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
  await smtp?.stop();
});

const ADD = `mutation($i: NotificationChannelInput!) {
  addNotificationChannel(input: $i) { secret channel { id kind url email enabled } } }`;
const DELIVERIES = `query($s: NotificationStatus) { notificationDeliveries(status: $s) {
  id channel status attempts lastError alert { id }
  deliveryAttempts { attempt ok statusCode error durationMs } } }`;
const DELIVERIES_PAGE = `query($after: String) { notificationDeliveriesConnection(first: 1, after: $after) {
  edges { node { id alert { id } } } pageInfo { hasNextPage endCursor } } }`;
type Delivery = {
  id: string;
  channel: string;
  status: string;
  attempts: number;
  alert: { id: string };
  deliveryAttempts: Array<{ attempt: number; ok: boolean; statusCode: number | null }>;
};

/** A manager with a pool (target 1,000 USD: threshold 100.00) and a member who contributes. */
async function managedPool() {
  const [manager, investor] = await Promise.all([
    stack.signUp('MANAGER'),
    stack.signUp('INVESTOR'),
  ]);
  const poolId = await world.openPool(manager, { targetAmount: '1000', name: 'Harbor Fund' });
  await world.join(investor, poolId);
  await world.factsArrived(manager, poolId);
  return { manager, investor, poolId };
}

const deliveries = async (manager: TestUser, status?: string) =>
  (
    await world.as<{ notificationDeliveries: Delivery[] }>(manager, DELIVERIES, {
      s: status ?? null,
    })
  ).notificationDeliveries;

describe('notifications', () => {
  it('delivers once, signed, to a webhook that fails three times and then succeeds, and emails the alert', async () => {
    const { manager, investor, poolId } = await managedPool();
    const hook = await world.as<{
      addNotificationChannel: { secret: string; channel: { id: string } };
    }>(manager, ADD, {
      i: { kind: 'WEBHOOK', url: `${receiverUrl}/flaky` },
    });
    const secret = hook.addNotificationChannel.secret;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    await world.as(manager, ADD, { i: { kind: 'EMAIL', email: 'manager@harbor.example' } });

    await world.contribute(investor, poolId, '1234.56');
    const webhook = await eventually(async () => {
      const list = await deliveries(manager);
      const hookDelivery = list.find((d) => d.channel === 'WEBHOOK');
      expect(hookDelivery?.status).toBe('DELIVERED');
      expect(list.find((d) => d.channel === 'EMAIL')?.status).toBe('DELIVERED');
      return hookDelivery!;
    }, 15_000);
    expect(webhook.deliveryAttempts.map((a) => [a.ok, a.statusCode])).toEqual([
      [false, 500],
      [false, 500],
      [false, 500],
      [true, 200],
    ]);
    const accepted = received.flaky!.filter((r) => r.answered === 200);
    expect(accepted).toHaveLength(1);
    const { headers, body } = accepted[0]!;
    const expected = createHmac('sha256', secret)
      .update(`${headers['x-poolgraph-timestamp']}.${body}`)
      .digest('hex');
    expect(headers['x-poolgraph-signature']).toBe(`sha256=${expected}`);
    expect(headers['x-poolgraph-alert-id']).toBe(webhook.alert.id);
    expect(JSON.parse(body)).toMatchObject({
      deliveryId: webhook.id,
      alert: { id: webhook.alert.id, poolName: 'Harbor Fund' },
    });
    // Every attempt carried the same alert id, so the receiver can dedupe.
    expect(new Set(received.flaky!.map((r) => r.headers['x-poolgraph-alert-id']))).toEqual(
      new Set([webhook.alert.id]),
    );

    const mail = smtp.mails.find((m) => m.to === 'manager@harbor.example');
    expect(mail?.raw).toContain('Harbor Fund');
    expect(mail?.raw).toContain('1234.56 USD');

    // The same log through its connection, one a page, in the list's order; the inbox too.
    type Page = {
      edges: Array<{ node: { id: string; alert: { id: string } } }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page: Page = (
        await world.as<{ notificationDeliveriesConnection: Page }>(manager, DELIVERIES_PAGE, {
          after,
        })
      ).notificationDeliveriesConnection;
      paged.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual((await deliveries(manager)).map((d) => d.id));
    const inbox = await world.as<{ inboxConnection: Page }>(
      manager,
      '{ inboxConnection(first: 1) { edges { node { id alert { id } } } pageInfo { hasNextPage endCursor } } }',
      {},
    );
    expect(inbox.inboxConnection.edges.map((e) => e.node.alert.id)).toEqual([webhook.alert.id]);
  });

  it('dead-letters a webhook that always fails, and delivers it on replay', async () => {
    const { manager, investor, poolId } = await managedPool();
    await world.as(manager, ADD, { i: { kind: 'WEBHOOK', url: `${receiverUrl}/down` } });
    await world.contribute(investor, poolId, '500');
    const dead = await eventually(async () => {
      const [d] = await deliveries(manager, 'DEAD');
      expect(d).toBeDefined();
      return d!;
    }, 15_000);
    expect(dead.attempts).toBe(4);
    expect(received.down).toHaveLength(4);

    const outsider = await stack.signUp('MANAGER');
    const REPLAY = `mutation($id: ID!) { replayNotification(id: $id) { id status attempts } }`;
    expect(errorCodes(await world.raw(outsider, REPLAY, { id: dead.id }))).toEqual(['NOT_FOUND']);
    downIsUp = true;
    const replayed = await world.as<{ replayNotification: { status: string; attempts: number } }>(
      manager,
      REPLAY,
      { id: dead.id },
    );
    expect(replayed.replayNotification).toMatchObject({ status: 'PENDING', attempts: 0 });
    await eventually(async () => {
      const [d] = (await deliveries(manager)).filter((x) => x.id === dead.id);
      expect(d?.status).toBe('DELIVERED');
    }, 10_000);
    expect(received.down).toHaveLength(5);
    expect(errorCodes(await world.raw(manager, REPLAY, { id: dead.id }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('validates channels, naming the field, and keeps them to their manager', async () => {
    const manager = await stack.signUp('MANAGER');
    const investor = await stack.signUp('INVESTOR');
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ kind: 'WEBHOOK' }, 'input.url'],
      [{ kind: 'WEBHOOK', url: 'ftp://example.com/x' }, 'input.url'],
      [{ kind: 'WEBHOOK', url: `https://example.com/${'a'.repeat(3000)}` }, 'input.url'],
      [{ kind: 'WEBHOOK', url: 'https://user:pw@example.com/' }, 'input.url'],
      [{ kind: 'EMAIL', email: 'not an email' }, 'input.email'],
      [{ kind: 'IN_APP' }, 'input.kind'],
    ];
    for (const [input, field] of bad) {
      const response = await world.raw(manager, ADD, { i: input });
      expect(errorCodes(response), JSON.stringify(input)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message.startsWith(`${field}:`)).toBe(true);
    }
    expect(
      errorCodes(await world.raw(investor, ADD, { i: { kind: 'EMAIL', email: 'a@b.co' } })),
    ).toEqual(['FORBIDDEN']);
    const other = await stack.signUp('MANAGER');
    const { addNotificationChannel } = await world.as<{
      addNotificationChannel: { channel: { id: string } };
    }>(manager, ADD, {
      i: { kind: 'EMAIL', email: 'a@b.co' },
    });
    const REMOVE = `mutation($id: ID!) { removeNotificationChannel(id: $id) }`;
    expect(
      errorCodes(await world.raw(other, REMOVE, { id: addNotificationChannel.channel.id })),
    ).toEqual(['NOT_FOUND']);
    const { notificationChannels } = await world.as<{ notificationChannels: unknown[] }>(
      other,
      '{ notificationChannels { id } }',
    );
    expect(notificationChannels).toEqual([]);
    expect(await world.as(manager, REMOVE, { id: addNotificationChannel.channel.id })).toEqual({
      removeNotificationChannel: true,
    });
  });

  it('keeps a manager to 10 channels, also when 25 are asked for at once', async () => {
    const manager = await stack.signUp('MANAGER');
    const burst = await Promise.all(
      Array.from({ length: 25 }, (_, n) =>
        world.raw(manager, ADD, { i: { kind: 'EMAIL', email: `desk${n}@example.com` } }),
      ),
    );
    const codes = burst.map((response) => errorCodes(response)[0] ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(10);
    expect(codes.filter((code) => code !== 'OK')).toEqual(Array(15).fill('BAD_USER_INPUT'));
    const { notificationChannels } = await world.as<{ notificationChannels: unknown[] }>(
      manager,
      '{ notificationChannels { id } }',
    );
    expect(notificationChannels).toHaveLength(10);
  });
});
