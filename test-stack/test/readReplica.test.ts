import { createConnection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseName } from '@poolgraph/platform';
import {
  eventually,
  expectData,
  graphql,
  startPrivateMariadbPair,
  type MariadbPair,
} from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '../src/stack.ts';

/** A small bound and a fast poll keep the run short; production polls each second, bound 5 s. */
const REPLICA = { replicaMaxLagSeconds: 1, replicaPollMs: 200 };

interface ReplicaCheck {
  name: string;
  ok: boolean;
  optional?: boolean;
  detail?: { state: string; inRotation: boolean; lagSeconds: number | null };
}

describe('reads from a MariaDB replica (pools listings, reports queries)', () => {
  let pair: MariadbPair;
  let stack: Stack;
  let manager: TestUser;
  let poolId: string;
  const db = (name: 'pools' | 'reports') => `\`${databaseName(stack.databases[name]!.url)}\``;

  const gql = async <T>(query: string, variables: Record<string, unknown> = {}) =>
    expectData(await graphql<T>(stack.gatewayUrl, query, variables, manager));
  const listedNames = async () =>
    (await gql<{ pools: Array<{ id: string; name: string }> }>('{ pools { id name } }')).pools;
  const managedNames = async () =>
    (
      await gql<{ me: { managedPools: Array<{ name: string }> } }>(
        '{ me { managedPools { name } } }',
      )
    ).me.managedPools;
  const committed = async () =>
    (
      await gql<{ poolPerformance: { committed: { amount: string } } }>(
        'query($id: ID!) { poolPerformance(poolId: $id) { committed { amount } } }',
        { id: poolId },
      )
    ).poolPerformance.committed.amount;
  const readyz = async (service: 'pools' | 'reports') => {
    const response = await fetch(`${stack.urls[service]}/readyz`);
    const body = (await response.json()) as { ready: boolean; checks: ReplicaCheck[] };
    return {
      status: response.status,
      ...body,
      replica: body.checks.find((c) => c.name === 'mysql-replica'),
    };
  };
  const inRotation = (service: 'pools' | 'reports', expected: boolean) =>
    eventually(async () => {
      const { replica, status } = await readyz(service);
      expect(status).toBe(200);
      expect(replica?.detail?.inRotation).toBe(expected);
    }, 15_000);
  const createPool = async (name: string) =>
    (
      await gql<{ createPool: { id: string } }>(
        'mutation($input: CreatePoolInput!) { createPool(input: $input) { id } }',
        { input: { name, currency: 'USD' } },
      )
    ).createPool.id;

  /**
   * Changes a row on the replica only (root may write there: READ_ONLY ADMIN), runs `read`,
   * and puts the row back, so that later replicated changes of it find what they expect. What
   * `read` returns shows which server answered. The replica must be caught up and back in both
   * services' rotation first: on a busy machine the writes before it can lag the replica past
   * this file's 1 s bound for a moment, and a read then rightly goes to the primary.
   */
  async function plantedOnReplica<T>(
    change: string,
    restore: string,
    read: () => Promise<T>,
  ): Promise<T> {
    await pair.waitForReplica();
    await Promise.all([inRotation('pools', true), inRotation('reports', true)]);
    const root = await createConnection({ uri: pair.replicaAdminUrl });
    try {
      await root.query(change);
      try {
        return await read();
      } finally {
        await root.query(restore);
      }
    } finally {
      await root.end();
    }
  }
  const renamedOnReplica = <T>(id: string, read: () => Promise<T>) =>
    plantedOnReplica(
      `UPDATE ${db('pools')}.pools SET name = CONCAT(name, ' (replica)') WHERE id = '${id}'`,
      `UPDATE ${db('pools')}.pools SET name = REPLACE(name, ' (replica)', '') WHERE id = '${id}'`,
      read,
    );

  beforeAll(async () => {
    pair = await startPrivateMariadbPair();
    stack = await startStack({
      mysqlReplication: pair,
      serviceConfig: { pools: REPLICA, reports: REPLICA },
    });
    manager = await stack.signUp('MANAGER');
    poolId = await createPool('Replicated pool');
    await inRotation('pools', true);
    await inRotation('reports', true);
  });

  afterAll(async () => {
    await stack?.stop();
    await pair?.stop();
  });

  it('serves listings and reports from the replica while it is healthy, single reads from the primary', async () => {
    const seen = await renamedOnReplica(poolId, async () => ({
      listed: await listedNames(),
      paged: (
        await gql<{ poolsConnection: { edges: Array<{ node: { id: string; name: string } }> } }>(
          '{ poolsConnection { edges { node { id name } } } }',
        )
      ).poolsConnection.edges.map((e) => e.node),
      managed: await managedNames(),
      single: (
        await gql<{ pool: { name: string } }>('query($id: ID!) { pool(id: $id) { name } }', {
          id: poolId,
        })
      ).pool,
    }));
    expect(seen.listed.find((p) => p.id === poolId)?.name).toBe('Replicated pool (replica)');
    expect(seen.paged.find((p) => p.id === poolId)?.name).toBe('Replicated pool (replica)');
    expect(seen.managed.map((p) => p.name)).toContain('Replicated pool (replica)');
    expect(seen.single.name).toBe('Replicated pool');

    // reports' pool_facts row arrives through pools.events, then replicates.
    await eventually(async () => expect(await committed()).toBe('0.00'));
    const fromReports = await plantedOnReplica(
      `UPDATE ${db('reports')}.pool_facts SET committed_minor = 4242 WHERE pool_id = '${poolId}'`,
      `UPDATE ${db('reports')}.pool_facts SET committed_minor = 0 WHERE pool_id = '${poolId}'`,
      committed,
    );
    expect(fromReports).toBe('42.42');
    const metrics = await (await fetch(`${stack.urls.pools}/metrics`)).text();
    expect(metrics).toMatch(/mysql_replica_in_rotation\{[^}]*\} 1/);
    expect(metrics).toMatch(/mysql_replica_reads_total\{target="replica"[^}]*\} [1-9]/);
  });

  it('never writes to the replica: mutations succeed while it is in rotation, and its account cannot write', async () => {
    const id = await createPool('Written on the primary');
    await pair.waitForReplica();
    expect((await listedNames()).map((p) => p.id)).toContain(id);
    const reader = await createConnection({
      uri: `${pair.replicaServerUrl}/${databaseName(stack.databases.pools!.url)}`,
    });
    try {
      await expect(
        reader.query("UPDATE pools SET name = 'x' WHERE id = ?", [id]),
      ).rejects.toThrow();
    } finally {
      await reader.end();
    }
  });

  it('takes a replica lagging beyond the bound out of rotation (reads see the primary), and back once caught up', async () => {
    await pair.setDelay(30);
    try {
      const id = await createPool('Created while the replica lags');
      // Within the bound plus a poll or two the replica leaves the rotation…
      const replica = await eventually(async () => {
        const { status, ready, replica } = await readyz('pools');
        expect({ status, ready }).toEqual({ status: 200, ready: true });
        expect(replica).toMatchObject({
          ok: false,
          optional: true,
          detail: { state: 'lagging', inRotation: false },
        });
        return replica!;
      }, 5_000);
      expect(replica.detail!.lagSeconds).toBeGreaterThan(REPLICA.replicaMaxLagSeconds / 2);
      // …and listings read the primary, which has the pool the delayed replica has not yet.
      expect((await listedNames()).map((p) => p.id)).toEqual(expect.arrayContaining([id, poolId]));
      const metrics = await (await fetch(`${stack.urls.pools}/metrics`)).text();
      expect(metrics).toMatch(/mysql_replica_in_rotation\{[^}]*\} 0/);
    } finally {
      await pair.setDelay(0);
    }
    await inRotation('pools', true);
    const listed = await renamedOnReplica(poolId, listedNames);
    expect(listed.find((p) => p.id === poolId)?.name).toBe('Replicated pool (replica)');
  });

  it('survives a replica crash: reads go on from the primary, and it resumes from its GTID position', async () => {
    const restarted = pair.restartReplica('SIGKILL');
    const during = await createPool('Created while the replica restarts');
    expect((await listedNames()).map((p) => p.id)).toContain(during);
    await restarted;
    await pair.waitForReplica();
    await inRotation('pools', true);
    await inRotation('reports', true);
    const listed = await renamedOnReplica(during, listedNames);
    expect(listed.find((p) => p.id === during)?.name).toBe(
      'Created while the replica restarts (replica)',
    );
  });
});
