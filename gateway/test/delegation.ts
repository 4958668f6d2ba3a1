import { expectData, graphql, type RequestOptions } from '@poolgraph/testing';
import type { Stack, TestUser } from '@poolgraph/test-stack';

/**
 * Fixtures for the delegated-key tests: every operation a key runs (by id, so they are the
 * gateway's manifest), and two managers' pools with a shared investor.
 */
export const KEY_OPS = {
  pools: 'query KeyPools { pools { id } }',
  pool: 'query KeyPool($id: ID!) { pool(id: $id) { id name members { id investor { id } } } }',
  poolMoney:
    'query KeyPoolMoney($id: ID!) { pool(id: $id) { id cashBalance { amount } transactions { nodes { id } } } }',
  poolAlerts: 'query KeyPoolAlerts($id: ID!) { pool(id: $id) { id openAlertCount } }',
  memberPools:
    'query KeyMemberPools($id: ID!) { pool(id: $id) { members { investor { memberships { pool { id } } } } } }',
  membership:
    'query KeyMembership($p: ID!, $i: ID!) { membership(poolId: $p, investorId: $i) { id } }',
  position:
    'query KeyPosition($p: ID!, $i: ID!) { position(poolId: $p, investorId: $i) { contributed { amount } } }',
  transaction: 'query KeyTransaction($id: ID!) { transaction(id: $id) { id pool { id } } }',
  history:
    'query KeyHistory($p: ID) { transactionHistory(filter: { poolId: $p }) { nodes { id pool { id } } } }',
  performance: 'query KeyPerformance($p: ID!) { poolPerformance(poolId: $p) { investorCount } }',
  statement:
    'query KeyStatement($i: ID!) { investorStatement(investorId: $i) { lines { pool { id } } } }',
  top: 'query KeyTop { topInvestors(limit: 10) { investor { id } } }',
  alerts: 'query KeyAlerts($p: ID) { alerts(poolId: $p) { id } }',
} as const;

export const gql = async <T>(
  stack: Stack,
  query: string,
  variables: Record<string, unknown>,
  user: TestUser,
): Promise<T> => expectData(await graphql<T>(stack.gatewayUrl, query, variables, user));

export const CREATE_PARTNER_KEY = `mutation CreatePartnerKey($input: PartnerKeyInput!) {
  createPartnerKey(input: $input) {
    secret
    apiKey { id kind poolIds scopes expiresAt note lastUsedAt revokedAt delegatedBy { id } }
  }
}`;

export interface DelegatedKey {
  secret: string;
  id: string;
  /** Request options that send the key and operations by id, as a partner does. */
  as: RequestOptions;
}

export async function delegatedKey(
  stack: Stack,
  manager: TestUser,
  input: { scopes: string[]; poolIds?: string[]; expiresAt?: string; note?: string },
): Promise<DelegatedKey> {
  const { createPartnerKey } = await gql<{
    createPartnerKey: { secret: string; apiKey: { id: string } };
  }>(stack, CREATE_PARTNER_KEY, { input: { name: 'Fund administrator', ...input } }, manager);
  return {
    secret: createPartnerKey.secret,
    id: createPartnerKey.apiKey.id,
    as: { headers: { 'x-api-key': createPartnerKey.secret }, persisted: true },
  };
}

/** A pool of `manager`, opened unless `draft`; returns its id. */
export async function poolOf(stack: Stack, manager: TestUser, name: string, draft = false) {
  const { createPool } = await gql<{ createPool: { id: string } }>(
    stack,
    'mutation($input: CreatePoolInput!) { createPool(input: $input) { id } }',
    { input: { name, currency: 'USD', targetAmount: '100000' } },
    manager,
  );
  if (!draft) {
    await gql(
      stack,
      'mutation($id: ID!) { openPool(id: $id) { id } }',
      { id: createPool.id },
      manager,
    );
  }
  return createPool.id;
}

let keys = 0;
/** `investor` joins the pool and contributes `amount`; returns the transaction id. */
export async function joinAndContribute(
  stack: Stack,
  poolId: string,
  investor: TestUser,
  amount: string,
): Promise<string> {
  await gql(
    stack,
    'mutation($p: ID!, $c: Decimal!) { joinPool(poolId: $p, commitment: $c) { id } }',
    { p: poolId, c: '1000' },
    investor,
  );
  const { contribute } = await gql<{ contribute: { id: string } }>(
    stack,
    'mutation($p: ID!, $a: Decimal!, $k: String!) { contribute(poolId: $p, amount: $a, idempotencyKey: $k) { id } }',
    { p: poolId, a: amount, k: `delegation-${Date.now()}-${++keys}` },
    investor,
  );
  return contribute.id;
}
