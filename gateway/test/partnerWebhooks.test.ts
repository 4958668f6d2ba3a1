import { createHmac, randomUUID } from 'node:crypto';
import { errorCodes, eventually, graphql } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delegatedKey, gql, joinAndContribute, poolOf, type DelegatedKey } from './delegation.ts';
import {
  ADD,
  DELIVERIES,
  REDELIVER,
  appendEvents,
  startWebhookReceiver,
  type Delivery,
  type Received,
} from './webhookReceiver.ts';

/**
 * Partner webhooks through the gateway, to a real HTTP receiver: manager A's delegated keys
 * receive A's pool events, signed, never manager B's; retries, redelivery, revocation.
 */
describe('partner webhooks', () => {
  let stack: Stack;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let receiverUrl: string;
  let received: Record<string, Received[]>;
  let held: Record<string, () => void>;
  let managerA: TestUser;
  let managerB: TestUser;
  let investor: TestUser;
  let a1: string;
  let b1: string;
  let key: DelegatedKey;
  let hook: { id: string; secret: string };
  const started = new Date();

  const add = (manager: TestUser, input: Record<string, unknown>) =>
    graphql<{ addPartnerWebhook: { secret: string; webhook: { id: string } } }>(
      stack.gatewayUrl,
      ADD,
      { i: input },
      manager,
    );
  /** Registers once alerts has heard of the key (users announces it within moments). */
  const register = async (manager: TestUser, input: Record<string, unknown>) => {
    const { addPartnerWebhook } = await eventually(
      async () =>
        gql<{ addPartnerWebhook: { secret: string; webhook: { id: string } } }>(
          stack,
          ADD,
          { i: input },
          manager,
        ),
      10_000,
    );
    return { id: addPartnerWebhook.webhook.id, secret: addPartnerWebhook.secret };
  };
  let contributions = 0;
  /** The investor (already a member) contributes again; returns the transaction id. */
  const contribute = async (poolId: string, amount: string) =>
    (
      await gql<{ contribute: { id: string } }>(
        stack,
        'mutation($p: ID!, $a: Decimal!, $k: String!) { contribute(poolId: $p, amount: $a, idempotencyKey: $k) { id } }',
        { p: poolId, a: amount, k: `webhooks-${++contributions}` },
        investor,
      )
    ).contribute.id;
  const deliveries = async (manager: TestUser, webhookId: string) =>
    (await gql<{ partnerDeliveries: Delivery[] }>(stack, DELIVERIES, { w: webhookId }, manager))
      .partnerDeliveries;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    ({ url: receiverUrl, received, held } = receiver);
    stack = await startStack({
      serviceConfig: {
        alerts: { retry: { maxAttempts: 4, baseDelayMs: 40, maxDelayMs: 200 }, pollIntervalMs: 50 },
      },
    });
    [managerA, managerB, investor] = await Promise.all([
      stack.signUp('MANAGER'),
      stack.signUp('MANAGER'),
      stack.signUp('INVESTOR'),
    ]);
    [a1, b1] = await Promise.all([
      poolOf(stack, managerA, 'A one'),
      poolOf(stack, managerB, 'B one'),
    ]);
    await gql(
      stack,
      'mutation($p: ID!) { joinPool(poolId: $p, commitment: "1000") { id } }',
      { p: a1 },
      investor,
    );
    key = await delegatedKey(stack, managerA, { scopes: ['pools:read', 'ledger:read'] });
    hook = await register(managerA, {
      apiKeyId: key.id,
      url: `${receiverUrl}/ok`,
      eventTypes: ['TRANSACTION_POSTED', 'ALERT_RAISED'],
    });
  });

  afterAll(async () => {
    await stack?.stop();
    await receiver?.close();
  });

  it("delivers a delegated pool's transaction, signed, and nothing of another manager's pool", async () => {
    expect(hook.secret).toMatch(/^[0-9a-f]{64}$/);
    const txB = await joinAndContribute(stack, b1, investor, '10');
    const txA = await contribute(a1, '20');
    const got = await eventually(async () => {
      const hit = received.ok?.find((r) => r.json.data.transaction?.id === txA);
      expect(hit).toBeDefined();
      return hit!;
    }, 15_000);
    const signature = createHmac('sha256', hook.secret)
      .update(`${got.headers['x-poolgraph-timestamp']}.${got.body}`)
      .digest('hex');
    expect(got.headers['x-poolgraph-signature']).toBe(`sha256=${signature}`);
    expect(got.headers['x-poolgraph-event-id']).toBe(got.json.eventId);
    expect(got.json).toMatchObject({
      type: 'TRANSACTION_POSTED',
      poolId: a1,
      apiKeyId: key.id,
      data: { transaction: { id: txA, poolId: a1, amount: { amount: '20.00' } } },
    });
    // B's transaction was consumed before A's (stream order), in the same or an earlier
    // transaction: had it been fanned out, its delivery would be listed by now.
    const list = await deliveries(managerA, hook.id);
    expect(list.map((d) => d.pool.id)).not.toContain(b1);
    expect(received.ok!.some((r) => r.json.data.transaction?.id === txB)).toBe(false);
    expect(received.ok!.some((r) => r.json.poolId === b1)).toBe(false);
  });

  it('delivers an alert raised on a delegated pool', async () => {
    const { createPool } = await gql<{ createPool: { id: string } }>(
      stack,
      'mutation($input: CreatePoolInput!) { createPool(input: $input) { id } }',
      { input: { name: 'A small', currency: 'USD', targetAmount: '1000' } },
      managerA,
    );
    await gql(
      stack,
      'mutation($id: ID!) { openPool(id: $id) { id } }',
      { id: createPool.id },
      managerA,
    );
    await joinAndContribute(stack, createPool.id, investor, '500');
    const alert = await eventually(async () => {
      const hit = received.ok?.find(
        (r) => r.json.type === 'ALERT_RAISED' && r.json.poolId === createPool.id,
      );
      expect(hit).toBeDefined();
      return hit!;
    }, 15_000);
    expect(alert.json.data.alert).toMatchObject({ poolId: createPool.id });
  });

  it('retries a failing endpoint with backoff until it answers 2xx', async () => {
    const flaky = await register(managerA, {
      apiKeyId: key.id,
      url: `${receiverUrl}/flaky`,
      eventTypes: ['TRANSACTION_POSTED'],
    });
    const tx = await contribute(a1, '30');
    const delivered = await eventually(async () => {
      const d = (await deliveries(managerA, flaky.id)).find((x) => x.status === 'DELIVERED');
      expect(d).toBeDefined();
      return d!;
    }, 15_000);
    expect(delivered.deliveryAttempts.map((a) => [a.ok, a.statusCode])).toEqual([
      [false, 500],
      [false, 500],
      [true, 200],
    ]);
    expect(received.flaky!.map((r) => r.json.data.transaction?.id)).toEqual([tx, tx, tx]);
    expect(new Set(received.flaky!.map((r) => r.json.deliveryId))).toEqual(new Set([delivered.id]));
  });

  it('redelivers one delivery, then every delivery since a time, with the same ids', async () => {
    const mine = [await contribute(a1, '4'), await contribute(a1, '6')];
    // Both delivered: every event before them was fanned out and delivered too.
    await eventually(async () => {
      for (const tx of mine) {
        expect(received.ok?.some((r) => r.json.data.transaction?.id === tx)).toBe(true);
      }
    }, 15_000);
    const list = await eventually(async () => {
      const all = await deliveries(managerA, hook.id);
      expect(all.every((d) => d.status === 'DELIVERED')).toBe(true);
      return all;
    }, 15_000);
    const one = list[0]!;
    const before = received.ok!.filter((r) => r.json.deliveryId === one.id).length;
    const { redeliverPartnerWebhook } = await gql<{ redeliverPartnerWebhook: number }>(
      stack,
      REDELIVER,
      { w: hook.id, d: one.id },
      managerA,
    );
    expect(redeliverPartnerWebhook).toBe(1);
    await eventually(async () => {
      const again = received.ok!.filter((r) => r.json.deliveryId === one.id);
      expect(again.length).toBe(before + 1);
      expect(new Set(again.map((r) => r.json.eventId))).toEqual(new Set([one.eventId]));
    }, 10_000);

    const total = received.ok!.length;
    const all = await gql<{ redeliverPartnerWebhook: number }>(
      stack,
      REDELIVER,
      { w: hook.id, s: started.toISOString() },
      managerA,
    );
    expect(all.redeliverPartnerWebhook).toBe(list.length);
    await eventually(async () => expect(received.ok!.length).toBe(total + list.length), 10_000);
    const after = await deliveries(managerA, hook.id);
    expect(after.find((d) => d.id === one.id)!.deliveryAttempts.length).toBe(3);
  });

  it('writes each delivery once when every ledger event is delivered again', async () => {
    const first = await contribute(a1, '3');
    await eventually(
      async () =>
        expect(received.ok?.some((r) => r.json.data.transaction?.id === first)).toBe(true),
      15_000,
    );
    const before = await deliveries(managerA, hook.id);
    // The ledger events already delivered, appended again (twice), as a relay that lost its
    // reply would: same event ids, same payloads (rebuilt from what the receiver got).
    const posted = received.ok!.filter((r) => r.json.type === 'TRANSACTION_POSTED');
    expect(posted.length).toBeGreaterThan(0);
    const minor = (amount: string) => amount.replace('.', '');
    const copies = [...posted, ...posted].map(({ json }) => {
      const t = json.data.transaction as unknown as {
        id: string;
        investorId: string;
        type: string;
        amount: { amount: string; currency: string };
        cashBalance: { amount: string };
      };
      return {
        id: json.eventId,
        type: 'TransactionPosted',
        occurredAt: new Date().toISOString(),
        payload: {
          transactionId: t.id,
          poolId: json.poolId,
          investorId: t.investorId,
          type: t.type,
          amountMinor: minor(t.amount.amount),
          currency: t.amount.currency,
          cashBalanceMinor: minor(t.cashBalance.amount),
        },
      };
    });
    await appendEvents(`${stack.redisPrefix}ledger.events`, copies);
    // A new transaction after the copies: once it is delivered, the copies were consumed.
    const tx = await contribute(a1, '5');
    await eventually(
      async () => expect(received.ok!.some((r) => r.json.data.transaction?.id === tx)).toBe(true),
      15_000,
    );
    const after = await deliveries(managerA, hook.id);
    expect(after.length).toBe(before.length + 1);
    expect(new Set(after.map((d) => d.eventId)).size).toBe(after.length);
  });

  it('pages a webhook’s deliveries newest first, each once, as the deprecated list has them', async () => {
    type Page = {
      partnerDeliveriesConnection: {
        edges: Array<{ cursor: string; node: { id: string } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null; hasPreviousPage: boolean };
      };
    };
    const PAGE = `query($w: ID!, $a: String, $f: Int) { partnerDeliveriesConnection(webhookId: $w, first: $f, after: $a) {
      edges { cursor node { id } } pageInfo { hasNextPage endCursor hasPreviousPage } } }`;
    const page = (user: TestUser, after: string | null, first = 1) =>
      graphql<Page>(stack.gatewayUrl, PAGE, { w: hook.id, a: after, f: first }, user);
    const listed = (await deliveries(managerA, hook.id)).map((d) => d.id);
    expect(listed.length).toBeGreaterThanOrEqual(2);
    const paged: string[] = [];
    let after: string | null = null;
    for (let n = 0; n < 100; n++) {
      const c: Page['partnerDeliveriesConnection'] = (
        await gql<Page>(stack, PAGE, { w: hook.id, a: after, f: 1 }, managerA)
      ).partnerDeliveriesConnection;
      expect(c.pageInfo.hasPreviousPage).toBe(after !== null);
      paged.push(...c.edges.map((e) => e.node.id));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    // Newest first, each once (deliveries queued since the list was read come before it).
    expect(paged.filter((id) => listed.includes(id))).toEqual(listed);
    expect(new Set(paged).size).toBe(paged.length);
    // Above the maximum, an edited or made-up cursor: BAD_USER_INPUT naming the argument.
    const fieldOf = (r: Awaited<ReturnType<typeof page>>) =>
      (r.errors ?? []).map((e) => [e.extensions?.code, (e.extensions as { field?: string }).field]);
    expect(fieldOf(await page(managerA, null, 201))).toEqual([['BAD_USER_INPUT', 'first']]);
    const edited = Buffer.from('partner-delivery:1:x').toString('base64url');
    const alertCursor = Buffer.from(`alert:1:${hook.id}`).toString('base64url');
    for (const bad of ['garbage!', edited, alertCursor]) {
      expect(fieldOf(await page(managerA, bad))).toEqual([['BAD_USER_INPUT', 'after']]);
    }
    // Another manager, an investor: as for the list.
    expect(errorCodes(await page(managerB, null))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await page(investor, null))).toEqual(['FORBIDDEN']);
  });

  it('refuses callers other than the key owner or an admin, and bad input', async () => {
    const input = {
      apiKeyId: key.id,
      url: `${receiverUrl}/ok`,
      eventTypes: ['TRANSACTION_POSTED'],
    };
    expect(errorCodes(await add(investor, input))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await add(managerB, input))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await add(managerA, { ...input, apiKeyId: 'nope' }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await add(managerA, { ...input, url: 'ftp://example.com/x' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(errorCodes(await add(managerA, { ...input, eventTypes: [] }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const ledgerOnly = await delegatedKey(stack, managerA, { scopes: ['ledger:read'] });
    const alertsWithout = await eventually(async () => {
      const r = await add(managerA, {
        ...input,
        apiKeyId: ledgerOnly.id,
        eventTypes: ['ALERT_RAISED'],
      });
      expect(errorCodes(r)).toEqual(['BAD_USER_INPUT']);
      return r;
    }, 10_000);
    expect(alertsWithout.errors?.[0]?.message).toContain('pools:read');
    // The key itself, with its own access token, straight to alerts (the gateway refuses a
    // key's non-manifest operation before): API keys do not manage webhooks.
    const exchanged = await fetch(`${stack.urls.users}/api-keys/token`, {
      method: 'POST',
      headers: { 'x-api-key': key.secret },
    });
    const { accessToken } = (await exchanged.json()) as { accessToken: string };
    const listQuery = 'query($k: ID!) { partnerWebhooks(apiKeyId: $k) { id } }';
    for (const [query, variables] of [
      [ADD, { i: input }],
      [listQuery, { k: key.id }],
    ] as const) {
      const direct = await graphql(`${stack.urls.alerts}/graphql`, query, variables, {
        token: accessToken,
      });
      expect(errorCodes(direct)).toEqual(['FORBIDDEN']);
    }

    const bOther = (s: string) =>
      graphql(stack.gatewayUrl, DELIVERIES, { w: s }, managerB).then(errorCodes);
    expect(await bOther(hook.id)).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(await graphql(stack.gatewayUrl, REDELIVER, { w: hook.id }, managerA)),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(await graphql(stack.gatewayUrl, REDELIVER, { w: hook.id, d: hook.id }, managerA)),
    ).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(
        await graphql(
          stack.gatewayUrl,
          'mutation($id: ID!) { removePartnerWebhook(id: $id) }',
          { id: hook.id },
          managerB,
        ),
      ),
    ).toEqual(['NOT_FOUND']);

    const admin = await stack.admin();
    const listed = await gql<{ partnerWebhooks: Array<{ id: string }> }>(
      stack,
      'query($k: ID!) { partnerWebhooks(apiKeyId: $k) { id } }',
      { k: key.id },
      admin,
    );
    expect(listed.partnerWebhooks.map((w) => w.id)).toContain(hook.id);
  });

  it('holds the cap of 5 webhooks per key under concurrent registrations', async () => {
    const capped = await delegatedKey(stack, managerA, { scopes: ['ledger:read'] });
    const input = {
      apiKeyId: capped.id,
      url: `${receiverUrl}/cap`,
      eventTypes: ['TRANSACTION_POSTED'],
    };
    await register(managerA, input);
    const results = await Promise.all(Array.from({ length: 7 }, () => add(managerA, input)));
    const codes = results.map((r) => errorCodes(r)[0] ?? 'ok');
    expect(codes.filter((c) => c === 'ok')).toHaveLength(4);
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(3);
  });

  it('sends nothing for a revoked key, and refuses to redeliver for it', async () => {
    const doomed = await delegatedKey(stack, managerA, { scopes: ['ledger:read'], poolIds: [a1] });
    const gone = await register(managerA, {
      apiKeyId: doomed.id,
      url: `${receiverUrl}/revoked`,
      eventTypes: ['TRANSACTION_POSTED'],
    });
    await gql(
      stack,
      'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
      { id: doomed.id },
      managerA,
    );
    const tx = await contribute(a1, '40');
    // The live key's webhook receives the transaction; the revoked key's delivery (if alerts
    // had not heard of the revocation yet) ends DEAD, unsent.
    await eventually(async () => {
      expect(received.ok?.some((r) => r.json.data.transaction?.id === tx)).toBe(true);
      const list = await deliveries(managerA, gone.id);
      expect(list.every((d) => d.status === 'DEAD')).toBe(true);
      for (const d of list) expect(d.lastError).toContain('revoked');
    }, 15_000);
    expect(received.revoked ?? []).toEqual([]);
    await eventually(async () => {
      const r = await graphql(
        stack.gatewayUrl,
        REDELIVER,
        { w: gone.id, s: started.toISOString() },
        managerA,
      );
      expect(errorCodes(r)).toEqual(['BAD_USER_INPUT']);
    }, 10_000);
  });

  /**
   * A webhook whose first attempt is held open until `between` ran, then fails: the next
   * attempt is where the check before each attempt must stop it. Returns that delivery.
   */
  async function retryAfter(
    name: string,
    keyId: string,
    poolId: string,
    between: () => Promise<void>,
  ) {
    const webhook = await register(managerA, {
      apiKeyId: keyId,
      url: `${receiverUrl}/${name}`,
      eventTypes: ['TRANSACTION_POSTED'],
    });
    await contribute(poolId, '8');
    await eventually(async () => expect(held[name]).toBeDefined(), 15_000);
    await between();
    held[name]!();
    const delivery = await eventually(async () => {
      const list = await deliveries(managerA, webhook.id);
      expect(list).toHaveLength(1);
      expect(list[0]!.status).toBe('DEAD');
      return list[0]!;
    }, 15_000);
    expect(delivery.deliveryAttempts.map((a) => [a.ok, a.statusCode])).toEqual([
      [false, 500],
      [false, null],
    ]);
    expect(received[name]).toHaveLength(1);
    return delivery;
  }

  it('does not send a delivery still pending when its key is revoked', async () => {
    const doomed = await delegatedKey(stack, managerA, { scopes: ['ledger:read'] });
    const delivery = await retryAfter('hold-revoked', doomed.id, a1, async () => {
      await gql(
        stack,
        'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
        { id: doomed.id },
        managerA,
      );
    });
    expect(delivery.lastError).toBe('not sent: the API key was revoked');
  });

  it("does not send a delivery still pending when its pool leaves the key's scope", async () => {
    const a3 = await poolOf(stack, managerA, 'A three');
    await gql(
      stack,
      'mutation($p: ID!) { joinPool(poolId: $p, commitment: "1000") { id } }',
      { p: a3 },
      investor,
    );
    const scoped = await delegatedKey(stack, managerA, { scopes: ['ledger:read'], poolIds: [a3] });
    const delivery = await retryAfter('hold-moved', scoped.id, a3, async () => {
      // The pool passes to manager B (pools offers no such change today; its snapshot does).
      await appendEvents(`${stack.redisPrefix}pools.events`, [
        {
          id: randomUUID(),
          type: 'PoolChanged',
          occurredAt: new Date().toISOString(),
          payload: {
            poolId: a3,
            revision: 1_000,
            name: 'A three',
            currency: 'USD',
            managerId: managerB.userId,
            status: 'OPEN',
            targetMinor: '10000000',
            committedMinor: '100000',
            calledMinor: '0',
            memberCount: 1,
          },
        },
      ]);
      // Alerts applied it once B may manage the pool's alert rules.
      await eventually(
        async () =>
          gql(stack, 'query($p: ID!) { alertRules(poolId: $p) { kind } }', { p: a3 }, managerB),
        10_000,
      );
    });
    expect(delivery.lastError).toBe('not sent: the pool is not in the key’s scope');
  });
});
