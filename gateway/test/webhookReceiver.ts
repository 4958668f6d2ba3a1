import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connectRedis, createLogger } from '@poolgraph/platform';
import { TEST_REDIS_URL } from '@poolgraph/testing';

/** Fixtures for the partner webhook tests: a real HTTP receiver and the operations they run. */
export interface Received {
  headers: IncomingMessage['headers'];
  body: string;
  json: {
    deliveryId: string;
    eventId: string;
    type: string;
    poolId: string;
    apiKeyId: string;
    data: Record<string, { id: string; poolId: string; amount?: { amount: string } }>;
  };
}

export interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  lastError: string | null;
  pool: { id: string };
  deliveryAttempts: Array<{ attempt: number; ok: boolean; statusCode: number | null }>;
}

export const ADD = `mutation($i: PartnerWebhookInput!) {
  addPartnerWebhook(input: $i) { secret webhook { id apiKeyId url eventTypes } } }`;
export const DELIVERIES = `query($w: ID!) { partnerDeliveries(webhookId: $w) {
  id eventId eventType status attempts lastError pool { id }
  deliveryAttempts { attempt ok statusCode error } } }`;
export const REDELIVER = `mutation($w: ID!, $d: ID, $s: DateTime) {
  redeliverPartnerWebhook(webhookId: $w, deliveryId: $d, since: $s) }`;

/**
 * Records every request by path (`/ok` → `received.ok`) and answers 200, except `flaky` (500 to
 * its first two requests) and `hold-*` (its first request waits for `held[path]()`, then 500).
 */
export async function startWebhookReceiver() {
  const received: Record<string, Received[]> = {};
  const held: Record<string, () => void> = {};
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url!.slice(1);
      const list = (received[path] ??= []);
      const body = Buffer.concat(chunks).toString('utf8');
      list.push({ headers: req.headers, body, json: JSON.parse(body) as Received['json'] });
      if (path.startsWith('hold-') && list.length === 1) {
        held[path] = () => res.writeHead(500).end();
        return;
      }
      res.writeHead(path === 'flaky' && list.length <= 2 ? 500 : 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    held,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Appends events to a stream as a producer's relay does (one `event` field of JSON each). */
export async function appendEvents(stream: string, events: readonly unknown[]): Promise<void> {
  const redis = connectRedis(TEST_REDIS_URL, createLogger('test', 'silent'));
  try {
    for (const event of events) await redis.xadd(stream, '*', 'event', JSON.stringify(event));
  } finally {
    redis.disconnect();
  }
}
