import { uuidv7 } from '@poolgraph/platform';
import { errorCodes, expectData, graphql, persistedQueriesDir } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TOP_INVESTORS,
  applyToReports,
  brief,
  contribution,
  signUpPartner,
  type Ranking,
} from './fixtures.ts';

describe('topInvestors access and input', () => {
  let stack: Stack;
  let admin: TestUser;
  let partner: TestUser;
  let manager: TestUser;
  let investor: TestUser;
  const investorId = uuidv7();

  beforeAll(async () => {
    // The partner calls by id: its operations are in the gateway's manifest.
    stack = await startStack({
      gateway: { persistedQueriesDir: await persistedQueriesDir([TOP_INVESTORS]) },
    });
    [admin, manager, investor, partner] = await Promise.all([
      stack.admin(),
      stack.signUp('MANAGER'),
      stack.signUp('INVESTOR'),
      signUpPartner(stack),
    ]);
    await applyToReports(stack, [contribution(investorId, uuidv7(), 12_345n)]);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const topAs = (user: TestUser | undefined, variables: Record<string, unknown> = {}) =>
    graphql<{ topInvestors: Ranking[] }>(stack.gatewayUrl, TOP_INVESTORS, variables, user ?? {});

  it('serves admins and partners the same ranking', async () => {
    const expected = [[investorId, 1, '123.45']];
    expect(brief(expectData(await topAs(admin)).topInvestors)).toEqual(expected);
    expect(brief(expectData(await topAs(partner)).topInvestors)).toEqual(expected);
  });

  it('forbids investors, requires sign-in, and shows a manager only their own pools', async () => {
    // This manager runs no pool: the ranking restricted to their pools is empty.
    expect(expectData(await topAs(manager)).topInvestors).toEqual([]);
    expect(errorCodes(await topAs(investor))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await topAs(undefined))).toEqual(['UNAUTHENTICATED']);
    // The subgraph checks the token itself: going around the gateway gains nothing.
    const direct = `${stack.urls.reports}/graphql`;
    expect(errorCodes(await graphql(direct, TOP_INVESTORS, {}, investor))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await graphql(direct, TOP_INVESTORS))).toEqual(['UNAUTHENTICATED']);
  });

  it('rejects a limit outside 1 to 100, an unsupported currency and an empty window', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ limit: 0 }, 'limit'],
      [{ limit: 101 }, 'limit'],
      [{ currency: 'XYZ' }, 'currency'],
      [{ currency: 'usd' }, 'currency'],
      [{ from: '2026-02-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }, 'to'],
      [{ from: '2026-02-02T00:00:00Z', to: '2026-02-01T00:00:00Z' }, 'to'],
      [{ from: 'yesterday' }, 'DateTime'],
    ];
    for (const [variables, field] of cases) {
      const response = await topAs(admin, variables);
      expect(errorCodes(response), JSON.stringify(variables)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message).toContain(`${field}: `);
    }
  });

  it('treats an explicit null limit and currency as the defaults', async () => {
    const ranking = expectData(await topAs(admin, { limit: null, currency: null })).topInvestors;
    expect(brief(ranking)).toEqual([[investorId, 1, '123.45']]);
  });

  it('reports live, ready (MySQL and Redis) and Prometheus metrics', async () => {
    const base = stack.urls.reports!;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect(await (await fetch(`${base}/metrics`)).text()).toMatch(
      /graphql_requests_total\{[^}]*service="reports"/,
    );
  });
});
