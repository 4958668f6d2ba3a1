import { connectMysql, uuidv7 } from '@poolgraph/platform';
import { expectData, graphql } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAlerts } from '../src/data/alerts.ts';
import { schema } from '../src/db/index.ts';
import { alertFixture } from './fixtures.ts';

const ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Alert { id status kind pool { id } } }
}`;

type Entities = { _entities: Array<{ id: string; status: string } | null> };

describe('Alert entity', () => {
  let stack: Stack;
  let manager: TestUser;
  let otherManager: TestUser;
  let admin: TestUser;
  const poolId = uuidv7();
  const alertIds = [uuidv7(), uuidv7()];

  /** Every SQL statement the alerts subgraph sends. */
  const queries: string[] = [];

  beforeAll(async () => {
    stack = await startStack({ onQuery: { alerts: (sql) => queries.push(sql) } });
    [manager, otherManager, admin] = await Promise.all([
      stack.signUp('MANAGER'),
      stack.signUp('MANAGER'),
      stack.admin(),
    ]);
    const mysql = connectMysql({ url: stack.databases.alerts!.url }, schema);
    try {
      for (const id of alertIds)
        await insertAlerts(mysql.db, [alertFixture({ id, poolId, managerId: manager.userId })]);
    } finally {
      await mysql.close();
    }
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const resolve = async (ids: string[], user?: TestUser) =>
    expectData(
      await graphql<Entities>(
        `${stack.urls.alerts}/graphql`,
        ENTITIES,
        { representations: ids.map((id) => ({ __typename: 'Alert', id })) },
        user ?? {},
      ),
    )._entities;

  it('resolves references for the pool manager and for admins, in order', async () => {
    const references = [alertIds[1]!, alertIds[0]!];
    for (const user of [manager, admin]) {
      const entities = await resolve(references, user);
      expect(entities.map((e) => e?.id)).toEqual(references);
      expect(entities[0]).toMatchObject({
        status: 'OPEN',
        kind: 'LARGE_TRANSACTION',
        pool: { id: poolId },
      });
    }
  });

  it('resolves to null for other managers, anonymous callers, unknown and malformed ids', async () => {
    expect(await resolve(alertIds, otherManager)).toEqual([null, null]);
    expect(await resolve(alertIds)).toEqual([null, null]);
    expect(await resolve([uuidv7(), 'not-a-uuid'], admin)).toEqual([null, null]);
  });

  it('loads every referenced alert in one query', async () => {
    queries.length = 0;
    await resolve([...alertIds, uuidv7(), uuidv7()], admin);
    expect(queries.filter((q) => q.includes('from `alerts`'))).toHaveLength(1);
  });
});
