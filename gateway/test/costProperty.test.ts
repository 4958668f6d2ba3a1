import fc from 'fast-check';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData, graphql, type GraphQLResponse } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { DEFAULT_OPERATION_LIMITS } from '../src/limits/config.ts';
import { operationText, sizedSelection, type GeneratedOperation } from './cost/operations.ts';

// For operations generated from every way a size can be given (literals, variables, variable
// defaults, nulls, fragments, @include/@skip), the gateway's cost estimate never falls below
// the number of list items the real stack returns. A second gateway with a cost limit of 0
// refuses everything and so tells its estimate (`extensions.actual`), over HTTP and WebSocket.
const SEED = Number(process.env.COST_SEED ?? 2126);
const RUNS = 60;
const TRANSACTIONS = 45;
// Smaller than the pages the subgraphs serve by default: the estimate must not lean on it.
const OPERATIONS = { ...DEFAULT_OPERATION_LIMITS, defaultListSize: 5 };
const NO_RATE_LIMITS = { perKey: 0, perUser: 0, perIp: 0 };

let stack: Stack;
let manager: TestUser;
let poolId: string;
let estimatingUrl: string;

const gql = async <T>(query: string, variables: Record<string, unknown>, user: TestUser) =>
  expectData(await graphql<T>(stack.gatewayUrl, query, variables, user));

beforeAll(async () => {
  stack = await startStack({ gatewayLimits: { operations: OPERATIONS } });
  const estimating = await stack.startGateway({
    limits: { operations: { ...OPERATIONS, maxCost: 0 }, rate: NO_RATE_LIMITS },
  });
  estimatingUrl = estimating.url;
  manager = await stack.signUp('MANAGER');
  const { createPool } = await gql<{ createPool: { id: string } }>(
    'mutation { createPool(input: { name: "Cost fund", currency: "USD" }) { id } }',
    {},
    manager,
  );
  poolId = createPool.id;
  await gql('mutation($id: ID!) { openPool(id: $id) { id } }', { id: poolId }, manager);
  const investors = await Promise.all([1, 2, 3].map(() => stack.signUp('INVESTOR')));
  for (const investor of investors) {
    await gql(
      'mutation($p: ID!) { joinPool(poolId: $p, commitment: "1000") { id } }',
      { p: poolId },
      investor,
    );
  }
  for (let n = 0; n < TRANSACTIONS; n++) {
    await gql(
      'mutation($p: ID!, $k: String!) { contribute(poolId: $p, amount: "1.00", idempotencyKey: $k) { id } }',
      { p: poolId, k: `cost-${n}` },
      investors[n % investors.length]!,
    );
  }
}, 180_000);
afterAll(() => stack?.stop());

/** Objects inside lists, at any depth: what a list size multiplies. */
function listItems(value: unknown, inList = false): number {
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + listItems(v, true), 0);
  if (value === null || typeof value !== 'object') return 0;
  const own = inList ? 1 : 0;
  return Object.values(value).reduce((sum: number, v) => sum + listItems(v), own);
}

/** The estimate a gateway whose cost limit is 0 states when it refuses the operation. */
function estimateOf(response: GraphQLResponse<unknown>): number {
  const refusal = response.errors?.find((e) => e.extensions?.limit === 'cost');
  if (!refusal) throw new Error(`no cost refusal: ${JSON.stringify(response)}`);
  return refusal.extensions!.actual as number;
}

async function subscriptionEstimate(operation: GeneratedOperation): Promise<number> {
  const client = createClient({
    url: estimatingUrl.replace('http', 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${manager.token}` },
    retryAttempts: 0,
  });
  try {
    const errors = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: operation.subscription, variables: operation.variables },
        { next: () => resolve([]), error: resolve, complete: () => resolve([]) },
      );
    });
    return estimateOf({ status: 200, errors: errors as GraphQLResponse['errors'] });
  } finally {
    await client.dispose();
  }
}

describe('the cost limit against the real stack', () => {
  it(`never estimates fewer list items than the stack returns, over HTTP and WebSocket alike (seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(sizedSelection, async (generated) => {
        const operation = operationText(generated, poolId);
        const answered = await graphql(
          stack.gatewayUrl,
          operation.query,
          operation.variables,
          manager,
        );
        const returned = listItems(expectData(answered));
        const estimate = estimateOf(
          await graphql(estimatingUrl, operation.query, operation.variables, manager),
        );
        expect(returned, operation.query).toBeLessThanOrEqual(estimate);
        // The subscription selects the same pool under one more object (the transaction).
        expect(await subscriptionEstimate(operation), operation.subscription).toBe(estimate + 1);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 240_000);
});
