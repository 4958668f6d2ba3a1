import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData, graphql } from '@poolgraph/testing';
import { startStack, type Stack } from '@poolgraph/test-stack';
import { createPartnerClient, loadOperationIds, PartnerCallError } from '../client.ts';

const MANIFEST = new URL('../../../gateway/persisted-queries/partner.json', import.meta.url);
let stack: Stack;

async function keyWith(scopes: string[]) {
  const admin = await stack.admin();
  return expectData(
    await graphql<{ createApiKey: { secret: string } }>(
      stack.gatewayUrl,
      'mutation($s: [String!]!) { createApiKey(name: "Example", scopes: $s) { secret } }',
      { s: scopes },
      { token: admin.token },
    ),
  ).createApiKey.secret;
}

beforeAll(async () => {
  stack = await startStack({
    without: ['alerts'],
    gateway: {
      persistedQueriesDir: fileURLToPath(new URL('.', MANIFEST)),
      watchPersistedQueries: false,
    },
  });
});
afterAll(async () => stack?.stop());

describe('the partner example', () => {
  it('runs every operation of partner.json by id with a key holding their scopes', async () => {
    const operationIds = await loadOperationIds(MANIFEST);
    const client = createPartnerClient({
      url: stack.gatewayUrl,
      apiKey: await keyWith(['pools:read', 'ledger:read', 'reports:read']),
      operationIds,
    });
    expect(Array.isArray((await client.run('PartnerPools', {})).pools)).toBe(true);
    expect(
      (await client.run('PartnerPool', { id: '0190a0a0-0000-7000-8000-000000000000' })).pool,
    ).toBeNull();
    const top = await client.run('PartnerTopInvestors', { limit: 3, currency: 'USD' });
    expect(Array.isArray(top.topInvestors)).toBe(true);
  });

  it('sees FORBIDDEN for an operation its key has no scope for', async () => {
    const client = createPartnerClient({
      url: stack.gatewayUrl,
      apiKey: await keyWith(['pools:read']),
      operationIds: await loadOperationIds(MANIFEST),
    });
    const refused = await client.run('PartnerTopInvestors', {}).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PartnerCallError);
    expect((refused as PartnerCallError).code).toBe('FORBIDDEN');
  });
});
