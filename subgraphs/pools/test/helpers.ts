import { expectData, graphql, type GraphQLResponse } from '@poolgraph/testing';
import type { PoolsHarness, TestUser } from './harness.ts';

export const POOL_FIELDS = `id name description currency status maxInvestors memberCount createdAt
  manager { id } targetAmount { amount currency } minContribution { amount currency }`;

export const CREATE_POOL = `mutation CreatePool($input: CreatePoolInput!) {
  createPool(input: $input) { ${POOL_FIELDS} }
}`;
export const UPDATE_POOL = `mutation UpdatePool($id: ID!, $input: UpdatePoolInput!) {
  updatePool(id: $id, input: $input) { ${POOL_FIELDS} }
}`;
export const OPEN_POOL = `mutation OpenPool($id: ID!) { openPool(id: $id) { id status } }`;
export const CLOSE_POOL = `mutation ClosePool($id: ID!) { closePool(id: $id) { id status } }`;
export const ARCHIVE_POOL = `mutation ArchivePool($id: ID!) { archivePool(id: $id) { id status } }`;
export const POOL = `query Pool($id: ID!) { pool(id: $id) { ${POOL_FIELDS} } }`;
export const POOLS = `query Pools { pools { id status } }`;
export const JOIN_POOL = `mutation JoinPool($poolId: ID!, $commitment: Decimal!) {
  joinPool(poolId: $poolId, commitment: $commitment) {
    id joinedAt investor { id } pool { id } commitment { amount currency }
  }
}`;
export const INVITE = `mutation Invite($poolId: ID!, $investorId: ID!, $commitment: Decimal!) {
  inviteInvestor(poolId: $poolId, investorId: $investorId, commitment: $commitment) {
    id investor { id } commitment { amount }
  }
}`;
export const REMOVE_MEMBER = `mutation Remove($poolId: ID!, $investorId: ID!) {
  removeMember(poolId: $poolId, investorId: $investorId) { id memberCount }
}`;
export const CALL_CAPITAL = `mutation Call($poolId: ID!, $percent: Float!, $dueDate: DateTime!) {
  callCapital(poolId: $poolId, percent: $percent, dueDate: $dueDate) {
    id percent dueDate totalCalled { amount currency }
    items { investor { id } called { amount } paid { amount } outstanding { amount } }
  }
}`;

export interface PoolData {
  id: string;
  name: string;
  description: string | null;
  currency: string;
  status: string;
  maxInvestors: number | null;
  memberCount: number;
  manager: { id: string };
  targetAmount: { amount: string; currency: string } | null;
  minContribution: { amount: string; currency: string } | null;
}

/** A due date a month ahead. */
export const inAMonth = (days = 30) => new Date(Date.now() + days * 86_400_000).toISOString();

export async function createPool(
  stack: PoolsHarness,
  manager: TestUser,
  input: Record<string, unknown> = {},
): Promise<PoolData> {
  const response = await graphql<{ createPool: PoolData }>(
    stack.gatewayUrl,
    CREATE_POOL,
    { input: { name: 'Seed fund', currency: 'USD', ...input } },
    { token: manager.token },
  );
  return expectData(response).createPool;
}

/** A pool that is already OPEN. */
export async function createOpenPool(
  stack: PoolsHarness,
  manager: TestUser,
  input: Record<string, unknown> = {},
): Promise<PoolData> {
  const pool = await createPool(stack, manager, input);
  expectData(await graphql(stack.gatewayUrl, OPEN_POOL, { id: pool.id }, { token: manager.token }));
  return { ...pool, status: 'OPEN' };
}

export async function join(
  stack: PoolsHarness,
  investor: TestUser,
  poolId: string,
  commitment: string,
): Promise<GraphQLResponse<{ joinPool: { id: string } }>> {
  return graphql(stack.gatewayUrl, JOIN_POOL, { poolId, commitment }, { token: investor.token });
}

/** How many rows a pools table holds, to prove that a rejected mutation wrote nothing. */
export async function countRows(stack: PoolsHarness, table: string): Promise<number> {
  const [rows] = await stack.poolsDb.pool.query(`SELECT COUNT(*) AS n FROM \`${table}\``);
  return Number((rows as Array<{ n: number }>)[0]?.n);
}
