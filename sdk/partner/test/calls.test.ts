import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@poolgraph/testing';
import type { Stack, TestUser } from '@poolgraph/test-stack';
import { createPartnerClient, PartnerCallError, partnerOperations } from '../src/index.ts';
import {
  contribute,
  join,
  openPool,
  partnerKey,
  revokeKey,
  startPartnerStack,
} from './fixtures.ts';

/**
 * The SDK through the real gateway and subgraphs, as a fund administrator uses it with the
 * delegated key a manager gave them: typed calls by id, the one write, paging, refusals.
 */
let stack: Stack;
let manager: TestUser;
let investors: TestUser[];
let a1: string;
let b1: string;
let writer: { secret: string; id: string };
let poolsOnly: { secret: string; id: string };

const clientWith = (apiKey: string, fetchImpl?: typeof fetch) =>
  createPartnerClient({
    url: stack.gatewayUrl,
    apiKey,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the call succeeded'),
    (error: unknown) => {
      expect(error).toBeInstanceOf(PartnerCallError);
      return error as PartnerCallError;
    },
  );

beforeAll(async () => {
  stack = await startPartnerStack({ without: ['alerts'] });
  const [m, other, ...people] = await Promise.all([
    stack.signUp('MANAGER'),
    stack.signUp('MANAGER'),
    stack.signUp('INVESTOR'),
    stack.signUp('INVESTOR'),
    stack.signUp('INVESTOR'),
  ]);
  [manager, investors] = [m!, people];
  [a1, b1] = await Promise.all([openPool(stack, manager, 'A one'), openPool(stack, other!, 'B')]);
  for (const investor of investors) await join(stack, a1, investor);
  for (const amount of ['1.00', '2.00', '3.00', '4.00', '5.00']) {
    await contribute(stack, a1, investors[0]!, amount);
  }
  writer = await partnerKey(stack, manager, {
    scopes: ['pools:read', 'ledger:read', 'ledger:write'],
    poolIds: [a1],
  });
  poolsOnly = await partnerKey(stack, manager, { scopes: ['pools:read'], poolIds: [a1] });
}, 120_000);

afterAll(async () => stack?.stop());

describe('the partner SDK over HTTP', () => {
  it('runs queries and the write by persisted id only, typed, once per idempotency key', async () => {
    const sent: string[] = [];
    const client = clientWith(writer.secret, (input, init) => {
      sent.push(String(init?.body));
      return fetch(input, init);
    });
    const { pools } = await client.run('PartnerPools');
    expect(pools.map((p) => p.id)).toEqual([a1]);
    expect(pools[0]!.cashBalance).toEqual({ amount: '15.00', currency: 'USD' });

    const variables = {
      poolId: a1,
      investorId: investors[1]!.userId,
      amount: '12.50',
      idempotencyKey: 'wire-0001',
    };
    const { recordContribution } = await client.run('PartnerRecordContribution', variables);
    expect(recordContribution).toMatchObject({ type: 'CONTRIBUTION', amount: { amount: '12.50' } });
    const again = await client.run('PartnerRecordContribution', variables);
    expect(again.recordContribution.id).toBe(recordContribution.id);
    expect((await client.run('PartnerPool', { id: a1 })).pool?.id).toBe(a1);
    expect((await client.run('PartnerPools')).pools[0]!.cashBalance.amount).toBe('27.50');

    const names = ['PartnerPools', 'PartnerRecordContribution', 'PartnerRecordContribution'];
    for (const [index, body] of sent.slice(0, 3).entries()) {
      const name = names[index] as keyof typeof partnerOperations;
      expect(JSON.parse(body)).toEqual({
        operationName: name,
        variables: index === 0 ? {} : variables,
        extensions: { persistedQuery: { version: 1, sha256Hash: partnerOperations[name].id } },
      });
    }
  });

  it('pages a connection and an id-paged list to the end, every item once and in order', async () => {
    const client = clientWith(writer.secret);
    const whole = await client.run('PartnerPoolTransactions', { id: a1, first: 100 });
    const all = whole.pool!.transactions.nodes.map((t) => t.id);
    expect(all.length).toBeGreaterThanOrEqual(5);
    const sizes: number[] = [];
    const paged: string[] = [];
    for await (const page of client.pages(
      'PartnerPoolTransactions',
      { id: a1, first: 2 },
      (data) => data.pool?.transactions,
    )) {
      sizes.push(page.nodes.length);
      paged.push(...page.nodes.map((t) => t.id));
    }
    expect(paged).toEqual(all);
    expect(sizes).toHaveLength(Math.ceil(all.length / 2));

    const members: string[][] = [];
    for await (const page of client.pages(
      'PartnerPoolMembers',
      { id: a1, first: 2 },
      (data) => data.pool?.members,
    )) {
      members.push(page.map((m) => m.investor.id));
    }
    expect(members.map((page) => page.length)).toEqual([2, 1]);
    expect(members.flat().sort()).toEqual(investors.map((i) => i.userId).sort());

    // A pool the key does not cover answers null: no pages, no error.
    const other = client.pages('PartnerPoolMembers', { id: b1 }, (data) => data.pool?.members);
    expect(await other.next()).toEqual({ done: true, value: undefined });
  });

  it('throws PartnerCallError with the code: a missing scope, bad input, a revoked key, not GraphQL', async () => {
    const forbidden = await refusal(
      clientWith(poolsOnly.secret).run('PartnerPoolTransactions', { id: a1 }),
    );
    expect(forbidden.code).toBe('FORBIDDEN');
    expect(forbidden.message).toContain('ledger:read');

    const bad = await refusal(
      clientWith(writer.secret).run('PartnerRecordContribution', {
        poolId: a1,
        investorId: investors[2]!.userId,
        amount: '-1',
        idempotencyKey: 'negative-1',
      }),
    );
    expect(bad.code).toBe('BAD_USER_INPUT');

    const revoked = await partnerKey(stack, manager, { scopes: ['pools:read'] });
    const before = await clientWith(revoked.secret).run('PartnerPool', { id: a1 });
    expect(before.pool?.id).toBe(a1);
    await revokeKey(stack, manager, revoked.id);
    // Revocation reaches every gateway replica within 2 s. Until the gateway's own check sees
    // it, a subgraph may refuse the key's token first: UNAUTHENTICATED in a 200 answer.
    const refused = await eventually(async () => {
      const error = await refusal(clientWith(revoked.secret).run('PartnerPool', { id: a1 }));
      expect(error.code).toBe('UNAUTHENTICATED');
      expect(error.status).toBe(401);
      return error;
    });
    expect([refused.code, refused.status]).toEqual(['UNAUTHENTICATED', 401]);

    const elsewhere = createPartnerClient({
      url: stack.gatewayUrl.replace(/\/graphql$/, '/no-such-path'),
      apiKey: writer.secret,
    });
    expect((await refusal(elsewhere.run('PartnerPools'))).status).toBe(404);
    const closedPort = createPartnerClient({ url: 'http://127.0.0.1:9/graphql', apiKey: 'pgk_x' });
    expect((await refusal(closedPort.run('PartnerPools'))).message).toMatch(/could not be reached/);

    // @ts-expect-error the pool's id is required
    const missing = await refusal(clientWith(writer.secret).run('PartnerPool'));
    expect(missing.code).toBe('BAD_USER_INPUT');
  });

  it('refuses an operation the SDK does not have, and a subscription over HTTP, before sending', async () => {
    const sent: unknown[] = [];
    const client = clientWith(writer.secret, (input, init) => {
      sent.push(init?.body);
      return fetch(input, init);
    });
    // @ts-expect-error not an operation of the partner manifest
    await expect(client.run('AllUsers')).rejects.toThrow(/not an operation/);
    // @ts-expect-error subscriptions are not calls
    await expect(client.run('PartnerBalanceChanged', { poolId: a1 })).rejects.toThrow(
      /use subscribe/,
    );
    expect(sent).toEqual([]);
  });
});
