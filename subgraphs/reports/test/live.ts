import { expectData, graphql } from '@poolgraph/testing';
import type { Stack, TestUser } from '@poolgraph/test-stack';

/** Calls the gateway as `user` and returns the data, failing the test on any error. */
export const gql = async <T>(
  stack: Stack,
  query: string,
  variables: Record<string, unknown>,
  user?: TestUser,
): Promise<T> => expectData(await graphql<T>(stack.gatewayUrl, query, variables, user ?? {}));

let keys = 0;
export const key = () => `reports-${Date.now()}-${++keys}`;

/** A pool created and opened by a new manager, joined by `count` new investors. */
export async function openPool(stack: Stack, count: number, currency = 'USD') {
  const manager = await stack.signUp('MANAGER');
  const { createPool } = await gql<{ createPool: { id: string } }>(
    stack,
    'mutation($input: CreatePoolInput!) { createPool(input: $input) { id } }',
    { input: { name: 'Reports test pool', currency, targetAmount: '100000' } },
    manager,
  );
  const poolId = createPool.id;
  await gql(stack, 'mutation($id: ID!) { openPool(id: $id) { id } }', { id: poolId }, manager);
  const members: TestUser[] = [];
  for (let i = 0; i < count; i++) {
    const investor = await stack.signUp('INVESTOR');
    await gql(
      stack,
      'mutation($p: ID!, $c: Decimal!) { joinPool(poolId: $p, commitment: $c) { id } }',
      { p: poolId, c: '1000' },
      investor,
    );
    members.push(investor);
  }
  return { poolId, manager, members };
}

export const contribute = (stack: Stack, poolId: string, investor: TestUser, amount: string) =>
  gql(
    stack,
    'mutation($p: ID!, $a: Decimal!, $k: String!) { contribute(poolId: $p, amount: $a, idempotencyKey: $k) { id } }',
    { p: poolId, a: amount, k: key() },
    investor,
  );

export const poolMutation = (
  stack: Stack,
  name: 'distribute' | 'chargeFee' | 'withdraw',
  poolId: string,
  user: TestUser,
  amount: string,
) =>
  gql(
    stack,
    `mutation($p: ID!, $a: Decimal!, $k: String!) { ${name}(poolId: $p, amount: $a, idempotencyKey: $k) { __typename } }`,
    { p: poolId, a: amount, k: key() },
    user,
  );

export const POSITION = `query($p: ID!, $i: ID!) { position(poolId: $p, investorId: $i) {
  contributed { amount } distributed { amount } fees { amount } withdrawn { amount } capital { amount } } }`;

export const STATEMENT = `query($i: ID!, $from: DateTime, $to: DateTime) {
  investorStatement(investorId: $i, from: $from, to: $to) {
    lines { pool { id } openingBalance { amount currency } contributions { amount } distributions { amount }
      fees { amount } withdrawals { amount } closingBalance { amount } }
    csv } }`;

export const PERFORMANCE = `query($p: ID!) { poolPerformance(poolId: $p) {
  pool { id } committed { amount } called { amount } contributed { amount currency } distributed { amount }
  fees { amount } withdrawn { amount } cash { amount } investorCount dpi
  byDay { period contributed { amount } distributed { amount } }
  byMonth { period contributed { amount } distributed { amount } } } }`;

export interface StatementLine {
  pool: { id: string };
  openingBalance: { amount: string; currency: string };
  contributions: { amount: string };
  distributions: { amount: string };
  fees: { amount: string };
  withdrawals: { amount: string };
  closingBalance: { amount: string };
}
