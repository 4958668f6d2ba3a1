import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, expectData, graphql } from '@poolgraph/testing';
import { startPoolsHarness, type PoolsHarness, type TestUser } from './harness.ts';
import type { PoolData } from './helpers.ts';
import { buildWorld } from './world.ts';

let stack: PoolsHarness;
let managerA: TestUser;
let managerB: TestUser;
let member: TestUser;
let outsider: TestUser;
let admin: TestUser;
let draftA: PoolData;
let openA: PoolData;
let closedA: PoolData;
let draftB: PoolData;

beforeAll(async () => {
  stack = await startPoolsHarness();
  ({ managerA, managerB, member, outsider, admin, draftA, openA, closedA, draftB } =
    await buildWorld(stack));
});
afterAll(() => stack?.stop());

describe('User.managedPools and User.memberships', () => {
  const ME = `query Me { me { id managedPools { id } memberships { pool { id } commitment { amount } } } }`;
  const OTHER = `query Other($id: ID!) { user(id: $id) { id managedPools { id } } }`;
  const OTHER_MEMBERSHIPS = `query Other($id: ID!) { user(id: $id) { id memberships { id } } }`;

  it('lists the caller’s own pools and memberships through the gateway', async () => {
    const managerView = expectData(
      await graphql<{ me: { managedPools: Array<{ id: string }> } }>(
        stack.gatewayUrl,
        ME,
        {},
        { token: managerA.token },
      ),
    );
    expect(managerView.me.managedPools.map((p) => p.id).sort()).toEqual(
      [draftA.id, openA.id, closedA.id].sort(),
    );
    const investorView = expectData(
      await graphql<{ me: { memberships: Array<{ pool: { id: string } }> } }>(
        stack.gatewayUrl,
        ME,
        {},
        { token: member.token },
      ),
    );
    expect(investorView.me.memberships.map((m) => m.pool.id).sort()).toEqual(
      [openA.id, closedA.id].sort(),
    );
  });

  it("is FORBIDDEN to read another user's managed pools or memberships, except for admins", async () => {
    const forbidden = await graphql(
      stack.gatewayUrl,
      OTHER,
      { id: managerA.userId },
      { token: managerB.token },
    );
    expect(errorCodes(forbidden)).toEqual(['FORBIDDEN']);
    const forbiddenToo = await graphql(
      stack.gatewayUrl,
      OTHER_MEMBERSHIPS,
      { id: member.userId },
      { token: managerA.token },
    );
    expect(errorCodes(forbiddenToo)).toEqual(['FORBIDDEN']);
    const asAdmin = await graphql<{ user: { managedPools: unknown[] } }>(
      stack.gatewayUrl,
      OTHER,
      { id: managerA.userId },
      { token: admin.token },
    );
    expect(expectData(asAdmin).user.managedPools).toHaveLength(3);
  });
});

describe('_entities', () => {
  const ENTITIES = `query E($representations: [_Any!]!) { _entities(representations: $representations) {
    __typename
    ... on Pool { id name }
    ... on Membership { id commitment { amount } investor { id } pool { id } }
    ... on User { id managedPools { id } }
  } }`;
  const entities = async (representations: unknown[], user: TestUser) =>
    expectData(
      await graphql<{ _entities: Array<Record<string, unknown> | null> }>(
        stack.poolsUrl,
        ENTITIES,
        { representations },
        { token: user.token },
      ),
    )._entities;

  it('resolves Pool by id, null when the caller may not see it', async () => {
    const [visible, hidden] = await entities(
      [
        { __typename: 'Pool', id: openA.id },
        { __typename: 'Pool', id: draftB.id },
      ],
      member,
    );
    expect(visible).toMatchObject({ __typename: 'Pool', id: openA.id, name: 'open A' });
    expect(hidden).toBeNull();
  });

  it('resolves Membership by id and by pool and investor, for those who may see it', async () => {
    const byKey = {
      __typename: 'Membership',
      pool: { id: closedA.id },
      investor: { id: member.userId },
    };
    const [fromKey] = await entities([byKey], managerA);
    expect(fromKey).toMatchObject({
      commitment: { amount: '250.50' },
      investor: { id: member.userId },
      pool: { id: closedA.id },
    });
    const [fromId, unknown] = await entities(
      [
        { __typename: 'Membership', id: fromKey?.id },
        { __typename: 'Membership', pool: { id: closedA.id }, investor: { id: outsider.userId } },
      ],
      member,
    );
    expect(fromId).toMatchObject({ id: fromKey?.id });
    expect(unknown).toBeNull();
    const [hidden] = await entities([byKey], outsider);
    expect(hidden).toBeNull();
  });

  it('resolves User by id with the fields pools contributes', async () => {
    const [user] = await entities([{ __typename: 'User', id: managerB.userId }], managerB);
    expect(user).toMatchObject({ __typename: 'User', id: managerB.userId });
    expect((user?.managedPools as unknown[]).length).toBe(2);
  });
});
