import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTracing, stopTracing } from '@poolgraph/platform';
import { eventually, expectData, graphql } from '@poolgraph/testing';
import { startStack, type Stack } from '@poolgraph/test-stack';

interface OtlpValue {
  stringValue?: string;
  intValue?: string;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: Array<{ key: string; value: OtlpValue }>;
  events?: Array<{ name: string; attributes?: Array<{ key: string; value: OtlpValue }> }>;
}

/** A small OTLP/HTTP (JSON) receiver: what a collector would get from the exporter. */
function startReceiver(): Promise<{ server: Server; url: string; spans: OtlpSpan[] }> {
  const spans: OtlpSpan[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/v1/traces' && req.headers['content-type']?.includes('json')) {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }>;
        };
        for (const r of body.resourceSpans) for (const s of r.scopeSpans) spans.push(...s.spans);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } else {
        res.writeHead(415).end();
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans }),
    ),
  );
}

const attr = (span: OtlpSpan, key: string) =>
  span.attributes?.find((a) => a.key === key)?.value.stringValue;

describe('tracing across the stack', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let stack: Stack;

  beforeAll(async () => {
    receiver = await startReceiver();
    expect(startTracing('poolgraph-test', { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url })).toBe(
      true,
    );
    stack = await startStack();
  }, 60_000);

  afterAll(async () => {
    await stack?.stop();
    await stopTracing();
    receiver?.server.close();
  });

  it('links a contribution mutation, its posting, and the alert it raises in one trace', async () => {
    const manager = await stack.signUp('MANAGER');
    const investor = await stack.signUp('INVESTOR');
    const call = async <T>(token: string, query: string, variables: Record<string, unknown> = {}) =>
      expectData(await graphql<T>(stack.gatewayUrl, query, variables, { token }));
    const { createPool } = await call<{ createPool: { id: string } }>(
      manager.token,
      'mutation CreatePool($i: CreatePoolInput!) { createPool(input: $i) { id } }',
      { i: { name: 'Traced', currency: 'USD' } },
    );
    const p = createPool.id;
    await call(manager.token, 'mutation Open($p: ID!) { openPool(id: $p) { id } }', { p });
    await call(
      manager.token,
      'mutation Rule($i: AlertRuleInput!) { setAlertRule(input: $i) { id } }',
      {
        i: { poolId: p, kind: 'LARGE_TRANSACTION', threshold: '100.00' },
      },
    );
    await call(
      investor.token,
      'mutation Join($p: ID!) { joinPool(poolId: $p, commitment: "5000.00") { id } }',
      { p },
    );
    // A manager watching the pool's balance over WebSocket, through the gateway.
    const ws = createClient({
      url: stack.gatewayUrl.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${manager.token}` },
      lazy: false,
      onNonLazyError: () => {},
    });
    const live: unknown[] = [];
    const unsubscribe = ws.subscribe(
      {
        query: 'subscription B($p: ID!) { balanceChanged(poolId: $p) { cashBalance { amount } } }',
        variables: { p },
      },
      { next: (e) => void live.push(e), error: (e) => void live.push(e), complete: () => {} },
    );
    await new Promise((r) => setTimeout(r, 500));
    const { contribute } = await call<{ contribute: { id: string } }>(
      investor.token,
      'mutation Contribute($p: ID!) { contribute(poolId: $p, amount: "500.00", idempotencyKey: "traced-1") { id } }',
      { p },
    );
    const alert = await eventually(async () => {
      const { alerts } = await call<{
        alerts: Array<{ id: string; transaction: { id: string } | null }>;
      }>(manager.token, 'query Alerts($p: ID) { alerts(poolId: $p) { id transaction { id } } }', {
        p,
      });
      const found = alerts.find((a) => a.transaction?.id === contribute.id);
      if (!found) throw new Error('no alert yet');
      return found;
    }, 20_000);

    await eventually(async () => {
      if (live.length === 0) throw new Error('no balanceChanged event yet');
    }, 20_000);
    unsubscribe();
    await ws.dispose();

    await eventually(async () => {
      const { spans } = receiver;
      const mutation = spans.find(
        (s) => s.name === 'mutation Contribute' && attr(s, 'poolgraph.service') === 'gateway',
      );
      expect(mutation, 'the gateway span of the mutation').toBeDefined();
      const inTrace = spans.filter((s) => s.traceId === mutation!.traceId);
      // The posting: the ledger's span of the same operation, below the gateway's fetch to it.
      const posting = inTrace.find(
        // The gateway names the subgraph's operation after the client's (Contribute__ledger__0).
        (s) =>
          s.name.startsWith('mutation Contribute__ledger') &&
          attr(s, 'poolgraph.service') === 'ledger',
      );
      expect(posting, 'the ledger span of the posting').toBeDefined();
      const fetch = inTrace.find((s) => s.spanId === posting!.parentSpanId);
      expect(fetch?.name).toMatch(/^POST 127\.0\.0\.1:\d+$/);
      expect(
        inTrace.some((s) => s.name === 'mysql INSERT' && attr(s, 'db.name')?.includes('ledger')),
        'the posting writes the ledger',
      ).toBe(true);
      expect(inTrace.some((s) => s.name.startsWith('redis '))).toBe(true);
      // The alert: raised by the detection consumer, in the same trace, from the outbox event.
      const raised = inTrace.find((s) =>
        s.events?.some(
          (e) =>
            e.name === 'alert raised' &&
            e.attributes?.some((a) => a.key === 'alert.id' && a.value.stringValue === alert.id),
        ),
      );
      expect(raised, 'the span that raised the alert').toBeDefined();
      expect(raised!.name).toBe('alerts process');
      expect(raised!.kind).toBe(5); // CONSUMER
      // The live balance pushed to the subscriber: its delivery is in the trace too.
      expect(inTrace.some((s) => s.name === 'subscription event')).toBe(true);
      // Reports applied the same event in the same trace.
      expect(inTrace.some((s) => s.name === 'reports process')).toBe(true);
      expect(attr(raised!, 'messaging.destination.name')).toBe(`${stack.redisPrefix}ledger.events`);
    }, 20_000);
  }, 90_000);
});
