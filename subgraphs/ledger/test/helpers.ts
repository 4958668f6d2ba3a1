import { afterAll, afterEach, beforeAll } from 'vitest';
import { connectMysql, type Mysql } from '@poolgraph/platform';
import { errorCodes, expectData, graphql, type GraphQLResponse } from '@poolgraph/testing';
import { startStack, type Stack, type StackOptions, type TestUser } from '@poolgraph/test-stack';
import { assertBooksBalance } from '../src/books.ts';
import { schema } from '../src/db/index.ts';

export { errorCodes, expectData };

export interface LedgerStack {
  stack: Stack;
  /** The ledger's own database, for book checks and row counts. */
  ledger: Mysql<typeof schema>;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    user?: TestUser,
  ): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

export async function startLedgerStack(options: StackOptions = {}): Promise<LedgerStack> {
  const stack = await startStack(options);
  const ledger = connectMysql({ url: stack.databases.ledger!.url }, schema);
  return {
    stack,
    ledger,
    gql: (query, variables = {}, user) =>
      graphql(stack.gatewayUrl, query, variables, { token: user?.token }),
    async stop() {
      await ledger.close();
      await stack.stop();
    },
  };
}

/**
 * A test file's stack: started before its tests, the books checked after each test, stopped
 * after all. The object stands for the running stack from the first test on.
 */
export function useLedgerStack(options: StackOptions = {}): LedgerStack {
  let current: LedgerStack | undefined;
  const started = () => {
    if (!current) throw new Error('the ledger stack is used before it started');
    return current;
  };
  beforeAll(async () => {
    current = await startLedgerStack(options);
  });
  afterEach(async () => {
    await assertBooksBalance(started().ledger.db);
  });
  afterAll(async () => {
    await current?.stop();
  });
  return {
    get stack() {
      return started().stack;
    },
    get ledger() {
      return started().ledger;
    },
    gql: (query, variables, user) => started().gql(query, variables, user),
    stop: () => started().stop(),
  };
}

export const TRANSACTION_FIELDS =
  'id type status amount { amount currency } investor { id } pool { id } occurredAt createdAt';

export const CONTRIBUTE = `mutation Contribute($poolId: ID!, $amount: Decimal!, $key: String!) {
  contribute(poolId: $poolId, amount: $amount, idempotencyKey: $key) { ${TRANSACTION_FIELDS} } }`;
export const RECORD = `mutation Record($poolId: ID!, $investorId: ID!, $amount: Decimal!, $occurredAt: DateTime, $key: String!) {
  recordContribution(poolId: $poolId, investorId: $investorId, amount: $amount, occurredAt: $occurredAt, idempotencyKey: $key) { ${TRANSACTION_FIELDS} } }`;
export const DISTRIBUTE = `mutation Distribute($poolId: ID!, $amount: Decimal!, $key: String!) {
  distribute(poolId: $poolId, amount: $amount, idempotencyKey: $key) { ${TRANSACTION_FIELDS} } }`;
export const CHARGE_FEE = `mutation ChargeFee($poolId: ID!, $amount: Decimal!, $key: String!) {
  chargeFee(poolId: $poolId, amount: $amount, idempotencyKey: $key) { ${TRANSACTION_FIELDS} } }`;
export const WITHDRAW = `mutation Withdraw($poolId: ID!, $amount: Decimal!, $key: String!) {
  withdraw(poolId: $poolId, amount: $amount, idempotencyKey: $key) { ${TRANSACTION_FIELDS} } }`;
export const POSITION = `query Position($poolId: ID!, $investorId: ID!) {
  position(poolId: $poolId, investorId: $investorId) {
    contributed { amount } distributed { amount } fees { amount } withdrawn { amount } capital { amount } } }`;
export const POOL_MONEY = `query PoolMoney($id: ID!) { pool(id: $id) {
  cashBalance { amount currency } totalContributed { amount } totalDistributed { amount }
  totalFees { amount } totalWithdrawn { amount } } }`;

export interface TestTransaction {
  id: string;
  type: string;
  status: string;
  amount: { amount: string; currency: string };
  investor: { id: string } | null;
  pool: { id: string };
  occurredAt: string;
  createdAt: string;
}

let keys = 0;
/** A fresh idempotency key. */
export const key = (label = 'k') => `${label}-${Date.now()}-${++keys}`;

export interface TestPool {
  id: string;
  manager: TestUser;
  members: TestUser[];
}

/**
 * A pool created and opened by a new manager (or the one given), joined by `memberCount` new
 * investors, each committing `commitment` (contributions are capped by it).
 */
export async function openPoolWithMembers(
  ls: LedgerStack,
  memberCount: number,
  currency = 'USD',
  status: 'OPEN' | 'CLOSED' = 'OPEN',
  commitment = '1000000',
  givenManager?: TestUser,
): Promise<TestPool> {
  const manager = givenManager ?? (await ls.stack.signUp('MANAGER'));
  const created = expectData(
    await ls.gql<{ createPool: { id: string } }>(
      'mutation($input: CreatePoolInput!) { createPool(input: $input) { id } }',
      { input: { name: 'Ledger test pool', currency } },
      manager,
    ),
  );
  const id = created.createPool.id;
  expectData(await ls.gql('mutation($id: ID!) { openPool(id: $id) { id } }', { id }, manager));
  const members = await Promise.all(
    Array.from({ length: memberCount }, async () => {
      const investor = await ls.stack.signUp('INVESTOR');
      expectData(
        await ls.gql(
          'mutation($poolId: ID!, $c: Decimal!) { joinPool(poolId: $poolId, commitment: $c) { id } }',
          { poolId: id, c: commitment },
          investor,
        ),
      );
      return investor;
    }),
  );
  if (status === 'CLOSED') {
    expectData(await ls.gql('mutation($id: ID!) { closePool(id: $id) { id } }', { id }, manager));
  }
  return { id, manager, members };
}

export async function contribute(
  ls: LedgerStack,
  poolId: string,
  investor: TestUser,
  amount: string,
) {
  return expectData(
    await ls.gql<{ contribute: TestTransaction }>(
      CONTRIBUTE,
      { poolId, amount, key: key('c') },
      investor,
    ),
  ).contribute;
}

/** Rows in the tables a posting writes, to prove that a refused request wrote nothing. */
export async function writtenRows(ls: LedgerStack): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [
    'transactions',
    'entries',
    'outbox',
    'idempotency_keys',
    'pool_accounts',
    'investor_accounts',
  ]) {
    const [rows] = await ls.ledger.pool.query(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = Number((rows as Array<{ n: unknown }>)[0]?.n);
  }
  return counts;
}
