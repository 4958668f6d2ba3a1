import { expectData, graphql } from '@poolgraph/testing';
import type { PoolsHarness, TestUser } from './harness.ts';
import { CLOSE_POOL, createOpenPool, createPool, join, type PoolData } from './helpers.ts';

/** Two managers' pools in every state, two investors and an admin, for visibility tests. */
export interface World {
  managerA: TestUser;
  managerB: TestUser;
  /** Member of openA and of closedA (commitment 250.50). */
  member: TestUser;
  /** Member of openB only. */
  outsider: TestUser;
  admin: TestUser;
  draftA: PoolData;
  openA: PoolData;
  closedA: PoolData;
  draftB: PoolData;
  openB: PoolData;
}

export async function buildWorld(stack: PoolsHarness): Promise<World> {
  const [managerA, managerB, member, outsider, admin] = await Promise.all([
    stack.signUp('MANAGER'),
    stack.signUp('MANAGER'),
    stack.signUp('INVESTOR'),
    stack.signUp('INVESTOR'),
    stack.admin(),
  ]);
  const draftA = await createPool(stack, managerA, { name: 'draft A' });
  const openA = await createOpenPool(stack, managerA, { name: 'open A' });
  const closedA = await createOpenPool(stack, managerA, { name: 'closed A' });
  const draftB = await createPool(stack, managerB, { name: 'draft B' });
  const openB = await createOpenPool(stack, managerB, { name: 'open B' });
  expectData(await join(stack, member, openA.id, '100'));
  expectData(await join(stack, member, closedA.id, '250.50'));
  expectData(await join(stack, outsider, openB.id, '10'));
  const closing = { id: closedA.id };
  expectData(await graphql(stack.gatewayUrl, CLOSE_POOL, closing, { token: managerA.token }));
  return {
    managerA,
    managerB,
    member,
    outsider,
    admin,
    draftA,
    openA,
    closedA: { ...closedA, status: 'CLOSED' },
    draftB,
    openB,
  };
}
