import { fileURLToPath } from 'node:url';
import { expectData, graphql } from '@poolgraph/testing';
import { startStack, type Stack, type StackOptions, type TestUser } from '@poolgraph/test-stack';

/**
 * What the SDK's tests set up as the platform's own users would: a whole stack whose gateway
 * serves the repository's manifests (the partner manifest the SDK was generated from), managers'
 * pools, members, and the delegated keys a manager hands to a partner.
 */
const MANIFESTS = new URL('../../../gateway/persisted-queries/', import.meta.url);

export const startPartnerStack = (options: StackOptions = {}) =>
  startStack({
    ...options,
    gateway: { persistedQueriesDir: fileURLToPath(MANIFESTS), watchPersistedQueries: false },
  });

/** An operation as one of the platform's users (text, with their token). */
export const as = async <T>(
  stack: Stack,
  user: TestUser,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> =>
  expectData(await graphql<T>(stack.gatewayUrl, query, variables, { token: user.token }));

/** An OPEN pool of `manager` (USD, target 100: its large-transaction alert fires from 10.00). */
export async function openPool(stack: Stack, manager: TestUser, name: string): Promise<string> {
  const { createPool } = await as<{ createPool: { id: string } }>(
    stack,
    manager,
    'mutation($input: CreatePoolInput!) { createPool(input: $input) { id } }',
    { input: { name, currency: 'USD', targetAmount: '100' } },
  );
  await as(stack, manager, 'mutation($id: ID!) { openPool(id: $id) { id } }', {
    id: createPool.id,
  });
  return createPool.id;
}

export const join = (stack: Stack, poolId: string, investor: TestUser) =>
  as(stack, investor, 'mutation($p: ID!) { joinPool(poolId: $p, commitment: "1000") { id } }', {
    p: poolId,
  });

let contributions = 0;
/** `investor` (a member) pays `amount` into the pool; returns the transaction's id. */
export async function contribute(stack: Stack, poolId: string, investor: TestUser, amount: string) {
  const { contribute } = await as<{ contribute: { id: string } }>(
    stack,
    investor,
    'mutation($p: ID!, $a: Decimal!, $k: String!) { contribute(poolId: $p, amount: $a, idempotencyKey: $k) { id } }',
    { p: poolId, a: amount, k: `sdk-test-${Date.now()}-${++contributions}` },
  );
  return contribute.id;
}

/** A delegated key of `manager` (what _Partner keys_ in the web app creates); returns it and its id. */
export async function partnerKey(
  stack: Stack,
  manager: TestUser,
  input: { scopes: string[]; poolIds?: string[] },
): Promise<{ secret: string; id: string }> {
  const { createPartnerKey } = await as<{
    createPartnerKey: { secret: string; apiKey: { id: string } };
  }>(
    stack,
    manager,
    'mutation($input: PartnerKeyInput!) { createPartnerKey(input: $input) { secret apiKey { id } } }',
    { input: { name: 'Fund administrator', ...input } },
  );
  return { secret: createPartnerKey.secret, id: createPartnerKey.apiKey.id };
}

export const revokeKey = (stack: Stack, manager: TestUser, id: string) =>
  as(stack, manager, 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id });
