import { randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { eventually, expectData, graphql } from '@poolgraph/testing';
import type { Stack, TestUser } from '@poolgraph/test-stack';

/** Real pools and the real ledger, through the gateway: what a manager and investors do. */
export function alertsWorld(getStack: () => Stack) {
  const clients: Client[] = [];
  const as = async <T = Record<string, unknown>>(
    user: TestUser | undefined,
    query: string,
    variables: Record<string, unknown> = {},
  ) => expectData(await graphql<T>(getStack().gatewayUrl, query, variables, user ?? {}));
  const raw = (
    user: TestUser | undefined,
    query: string,
    variables: Record<string, unknown> = {},
  ) => graphql(getStack().gatewayUrl, query, variables, user ?? {});

  async function openPool(manager: TestUser, input: Record<string, unknown> = {}): Promise<string> {
    const { createPool } = await as<{ createPool: { id: string } }>(
      manager,
      'mutation($i: CreatePoolInput!) { createPool(input: $i) { id } }',
      { i: { name: `Pool ${randomUUID().slice(0, 6)}`, currency: 'USD', ...input } },
    );
    await as(manager, 'mutation($id: ID!) { openPool(id: $id) { id } }', { id: createPool.id });
    return createPool.id;
  }

  async function join(investor: TestUser, poolId: string, commitment = '10000000') {
    await as(
      investor,
      'mutation($p: ID!, $c: Decimal!) { joinPool(poolId: $p, commitment: $c) { id } }',
      {
        p: poolId,
        c: commitment,
      },
    );
  }

  async function contribute(investor: TestUser, poolId: string, amount: string): Promise<string> {
    const { contribute } = await as<{ contribute: { id: string } }>(
      investor,
      'mutation($p: ID!, $a: Decimal!, $k: String!) { contribute(poolId: $p, amount: $a, idempotencyKey: $k) { id } }',
      { p: poolId, a: amount, k: randomUUID() },
    );
    return contribute.id;
  }

  async function record(
    manager: TestUser,
    poolId: string,
    investorId: string,
    amount: string,
    occurredAt: Date,
  ) {
    await as(
      manager,
      `mutation($p: ID!, $i: ID!, $a: Decimal!, $o: DateTime, $k: String!) {
        recordContribution(poolId: $p, investorId: $i, amount: $a, occurredAt: $o, idempotencyKey: $k) { id } }`,
      { p: poolId, i: investorId, a: amount, o: occurredAt.toISOString(), k: randomUUID() },
    );
  }

  /** Waits until alerts holds the pool's facts (the PoolChanged event went through pools' outbox). */
  async function factsArrived(manager: TestUser, poolId: string) {
    await eventually(async () => {
      await as(manager, 'query($p: ID!) { alertRules(poolId: $p) { id } }', { p: poolId });
    });
  }

  function connect(user: TestUser, url = getStack().gatewayUrl) {
    const client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${user.token}` },
      retryAttempts: 0,
    });
    clients.push(client);
    return client;
  }

  /** Subscribes and collects; resolves once the subscription is live (upstream acknowledged). */
  async function watch(user: TestUser, query: string, variables: Record<string, unknown> = {}) {
    const events: Array<{ data?: Record<string, unknown> | null; errors?: unknown }> = [];
    const client = connect(user);
    client.subscribe(
      { query, variables },
      {
        next: (e) => void events.push(e),
        error: (errors) => void events.push({ errors }),
        complete: () => {},
      },
    );
    // graphql-ws gives no "subscribed" signal; the gateway sets up upstream within this.
    await new Promise((resolve) => setTimeout(resolve, 400));
    return events;
  }

  const closeAll = async () => {
    await Promise.all(clients.map((c) => c.dispose()));
  };

  return { as, raw, openPool, join, contribute, record, factsArrived, watch, closeAll };
}

export const ALERT_RAISED = `subscription($p: ID) {
  alertRaised(poolId: $p) { id kind message pool { id name } transaction { id amount { amount } } }
}`;
