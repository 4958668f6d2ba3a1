import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { alertsWorld } from './world.ts';

let stack: Stack;
const world = alertsWorld(() => stack);
let manager: TestUser;
let otherManager: TestUser;
let investor: TestUser;
let admin: TestUser;
let poolId: string;

const RULE_FIELDS = `id kind enabled isDefault threshold { amount currency } spikeFactor windowSeconds baselineSeconds minCount pool { id }`;
const RULES = `query($p: ID!) { alertRules(poolId: $p) { ${RULE_FIELDS} } }`;
const SET = `mutation($i: AlertRuleInput!) { setAlertRule(input: $i) { ${RULE_FIELDS} } }`;

beforeAll(async () => {
  stack = await startStack();
  [manager, otherManager, investor, admin] = await Promise.all([
    stack.signUp('MANAGER'),
    stack.signUp('MANAGER'),
    stack.signUp('INVESTOR'),
    stack.admin(),
  ]);
  poolId = await world.openPool(manager, { targetAmount: '250000' });
});

afterAll(async () => {
  await stack?.stop();
});

describe('alert rules', () => {
  it('gives every pool both rules with defaults, right after createPool (read-your-writes)', async () => {
    const fresh = await world.openPool(manager, { targetAmount: '1000' });
    const { alertRules } = await world.as<{ alertRules: unknown[] }>(manager, RULES, { p: fresh });
    expect(alertRules).toEqual([
      expect.objectContaining({
        kind: 'LARGE_TRANSACTION',
        isDefault: true,
        enabled: true,
        threshold: { amount: '100.00', currency: 'USD' },
      }),
      expect.objectContaining({
        kind: 'TRANSACTION_SPIKE',
        isDefault: true,
        enabled: true,
        spikeFactor: 10,
        windowSeconds: 300,
        baselineSeconds: 3600,
        minCount: 5,
        threshold: null,
      }),
    ]);
  });

  it('turns LARGE_TRANSACTION off by default for a pool without a target', async () => {
    const noTarget = await world.openPool(manager);
    const { alertRules } = await world.as<{
      alertRules: Array<{ enabled: boolean; threshold: unknown }>;
    }>(manager, RULES, { p: noTarget });
    expect(alertRules[0]).toMatchObject({ enabled: false, threshold: null });
  });

  it("lets the pool's manager and an admin set rules, keeping fields left out", async () => {
    const large = await world.as<{ setAlertRule: unknown }>(manager, SET, {
      i: { poolId, kind: 'LARGE_TRANSACTION', threshold: '5000.25' },
    });
    expect(large.setAlertRule).toMatchObject({
      isDefault: false,
      enabled: true,
      threshold: { amount: '5000.25' },
    });
    const spike = await world.as<{ setAlertRule: unknown }>(admin, SET, {
      i: { poolId, kind: 'TRANSACTION_SPIKE', spikeFactor: 3.5, minCount: 8 },
    });
    expect(spike.setAlertRule).toMatchObject({
      spikeFactor: 3.5,
      minCount: 8,
      windowSeconds: 300,
      baselineSeconds: 3600,
    });
    const off = await world.as<{ setAlertRule: unknown }>(manager, SET, {
      i: { poolId, kind: 'TRANSACTION_SPIKE', enabled: false },
    });
    expect(off.setAlertRule).toMatchObject({ enabled: false, spikeFactor: 3.5, minCount: 8 });
  });

  it('rejects bad input with BAD_USER_INPUT naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ kind: 'LARGE_TRANSACTION', threshold: '0' }, 'input.threshold'],
      [{ kind: 'LARGE_TRANSACTION', threshold: '-5' }, 'input.threshold'],
      [{ kind: 'LARGE_TRANSACTION', threshold: '1.001' }, 'input.threshold'],
      [{ kind: 'LARGE_TRANSACTION', threshold: '1e9' }, 'input.threshold'],
      [{ kind: 'LARGE_TRANSACTION', threshold: '9'.repeat(5000) }, 'input.threshold'],
      [{ kind: 'LARGE_TRANSACTION', spikeFactor: 3 }, 'input.spikeFactor'],
      [{ kind: 'TRANSACTION_SPIKE', threshold: '10' }, 'input.threshold'],
      [{ kind: 'TRANSACTION_SPIKE', spikeFactor: 1 }, 'input.spikeFactor'],
      [{ kind: 'TRANSACTION_SPIKE', spikeFactor: 1e308 }, 'input.spikeFactor'],
      [{ kind: 'TRANSACTION_SPIKE', windowSeconds: 0 }, 'input.windowSeconds'],
      [{ kind: 'TRANSACTION_SPIKE', windowSeconds: 3600 }, 'input.windowSeconds'],
      [{ kind: 'TRANSACTION_SPIKE', baselineSeconds: 200 }, 'input.baselineSeconds'],
      [{ kind: 'TRANSACTION_SPIKE', baselineSeconds: 604_801 }, 'input.baselineSeconds'],
      [{ kind: 'TRANSACTION_SPIKE', minCount: 0 }, 'input.minCount'],
    ];
    for (const [input, field] of cases) {
      const response = await world.raw(manager, SET, { i: { poolId, ...input } });
      expect(errorCodes(response), JSON.stringify(input)).toEqual(['BAD_USER_INPUT']);
      expect(
        response.errors?.[0]?.message.startsWith(`${field}:`),
        response.errors?.[0]?.message,
      ).toBe(true);
    }
  });

  it("forbids another manager and an investor to read or set a pool's rules", async () => {
    for (const user of [otherManager, investor]) {
      expect(errorCodes(await world.raw(user, RULES, { p: poolId }))).toEqual(['FORBIDDEN']);
      const set = await world.raw(user, SET, {
        i: { poolId, kind: 'LARGE_TRANSACTION', threshold: '1' },
      });
      expect(errorCodes(set)).toEqual(['FORBIDDEN']);
    }
    expect(errorCodes(await world.raw(undefined, RULES, { p: poolId }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    const { alertRules } = await world.as<{
      alertRules: Array<{ threshold: { amount: string } | null }>;
    }>(manager, RULES, { p: poolId });
    expect(alertRules[0]!.threshold?.amount).toBe('5000.25');
  });

  it('refuses a direct call to the subgraph with another manager’s valid token', async () => {
    const direct = await world.raw(otherManager, SET, {
      i: { poolId, kind: 'LARGE_TRANSACTION', threshold: '1' },
    });
    const viaSubgraph = await fetch(`${stack.urls.alerts}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${otherManager.token}`,
      },
      body: JSON.stringify({
        query: SET,
        variables: { i: { poolId, kind: 'LARGE_TRANSACTION', threshold: '1' } },
      }),
    }).then((r) => r.json() as Promise<{ errors?: Array<{ extensions?: { code?: string } }> }>);
    expect(errorCodes(direct)).toEqual(['FORBIDDEN']);
    expect(viaSubgraph.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers NOT_FOUND for an unknown or malformed pool', async () => {
    expect(
      errorCodes(await world.raw(admin, RULES, { p: '0193a4c2-0000-7000-8000-000000000000' })),
    ).toEqual(['NOT_FOUND']);
    expect(errorCodes(await world.raw(manager, RULES, { p: "x' OR 1=1" }))).toEqual(['NOT_FOUND']);
  });

  it('keeps one rule per pool and kind when 50 identical requests race', async () => {
    const input = {
      poolId,
      kind: 'TRANSACTION_SPIKE',
      spikeFactor: 4,
      windowSeconds: 120,
      baselineSeconds: 7200,
      minCount: 6,
    };
    const results = await Promise.all(
      Array.from({ length: 50 }, () => world.raw(manager, SET, { i: input })),
    );
    expect(results.filter((r) => r.errors).map((r) => r.errors)).toEqual([]);
    const ids = new Set(
      results.map((r) => (r.data as { setAlertRule: { id: string } }).setAlertRule.id),
    );
    expect(ids.size).toBe(1);
  });
});
